/**
 * The installer cannot be built on this machine, so check electron-builder.yml against issue 5's packaging
 * requirements, read and validated by electron-builder's own loader and JSON schema (what a build would see).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrayState } from '../../../shared/ipc';
import { APP_ID } from '../../../electron/core/app-id';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
}

let config: Configuration;
let configModule: ConfigModule;
let debugLogger: unknown;

beforeAll(async () => {
  configModule = require('app-builder-lib/out/util/config/config') as ConfigModule;
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  debugLogger = new DebugLogger(false);
  config = await configModule.getConfig(root, null, null);
});

const targets = () =>
  ([config.win?.target ?? []].flat() as (string | { target: string })[]).map((t) =>
    typeof t === 'string' ? t : t.target,
  );

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(configModule.validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
  });

  it('uses the one application id shared with the notifier and the AppUserModelID', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Vigie');
    const main = readFileSync(join(root, 'electron', 'shell', 'main.ts'), 'utf8');
    expect(main).toContain('appId: APP_ID');
    expect(main).toContain('setAppUserModelId(APP_ID)');
  });

  it('builds an assisted per-machine NSIS installer and a per-machine MSI for Windows', () => {
    expect(targets()).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true });
    expect(config.msi).toMatchObject({ perMachine: true });
  });

  it('keeps the MSI upgrade code fixed forever (a changed code would install side by side)', () => {
    expect(config.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.msi?.upgradeCode).toBe('7D1B3C52-8E4A-4F6B-9C2D-3A5E7F901B24');
  });

  it("unpacks node-notifier's vendor executables and better-sqlite3's native addon from the asar", () => {
    expect(config.asar).toBe(true);
    const unpack = [config.asarUnpack ?? []].flat();
    const unpacked = (file: string) => unpack.some((pattern) => minimatch(file, pattern, { dot: true }));
    expect(unpacked('node_modules/node-notifier/vendor/snoreToast/snoretoast-x64.exe')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true);
    expect(unpacked('node_modules/luxon/build/node/luxon.js')).toBe(false);
  });

  it('does not rebuild native addons (better-sqlite3 is a Node-API prebuild: npmRebuild: false)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('has no auto-update: IT pushes the versions', () => {
    expect(config.publish).toBeNull();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('electron-updater');
    const main = readFileSync(join(root, 'electron', 'shell', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/autoUpdater/);
  });

  it('sets the Electron fuses at package time', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('decides every fuse electron-builder can set (a new fuse from an upgrade must be reviewed)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    // resetAdHocDarwinSignature is a macOS signing step, not a fuse of the Windows exe.
    const fuses = Object.keys(schema.definitions.FuseOptionsV1.properties).filter(
      (k) => k !== 'resetAdHocDarwinSignature',
    );
    expect(fuses.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(fuses.sort());
  });

  it("ships better-sqlite3's Windows prebuild only, not the other platforms' nor SQLite's sources", () => {
    const files = ([config.files ?? []].flat() as (string | { filter?: string | string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat(),
    );
    const excluded = (file: string) =>
      files.some((pattern) => pattern.startsWith('!') && minimatch(file, pattern.slice(1), { dot: true }));
    expect(excluded('node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(false);
    expect(excluded('node_modules/better-sqlite3/lib/index.js')).toBe(false);
    for (const other of ['linux-x64', 'linuxmusl-arm64', 'darwin-arm64']) {
      expect(excluded(`node_modules/better-sqlite3/prebuilds/${other}.node`), other).toBe(true);
    }
    expect(excluded('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(true);
  });

  it('packages the built app only, with the entry point package.json names', () => {
    expect(config.directories).toMatchObject({ output: 'release', buildResources: 'build' });
    // electron-builder's loader normalises `files` to [{ filter: [...] }].
    const files = ([config.files ?? []].flat() as (string | { filter?: string | string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat(),
    );
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'assets/**', 'package.json']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(files.some((pattern) => minimatch(pkg.main, pattern))).toBe(true);
  });

  it('ships the admin bundle in the resources, outside app.asar (plain node runs it)', () => {
    const extra = [config.extraResources ?? []].flat() as ({ from?: string; to?: string } | string)[];
    expect(extra).toContainEqual(expect.objectContaining({ from: 'dist/vigie-admin.mjs', to: 'vigie-admin.mjs' }));
  });

  it('ships the generated Group Policy templates outside app.asar (resources/policy), built by npm run build', async () => {
    const extra = [config.extraResources ?? []].flat() as ({ from?: string; to?: string } | string)[];
    expect(extra).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'dist/policy', to: 'policy' })]));
    const { buildPolicyTemplates } = await import('../../../scripts/build.mjs');
    const { policyTemplateFiles } = await import('../../../electron/core/settings/admx');
    const out = await buildPolicyTemplates();
    for (const [relative, text] of Object.entries(policyTemplateFiles())) {
      expect(readFileSync(join(out, relative), 'utf8')).toBe(text);
    }
  });

  it('ships a multi-size Windows icon and the NSIS include it names', () => {
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const nsh = readFileSync(join(root, config.nsis?.include ?? 'missing'), 'utf8');
    expect(nsh).toContain('!macro customInstall');
    expect(nsh).toContain('/MACHINEAUTOSTART');
    expect(nsh).toContain('!macro customUnInstall');
  });

  it('has a tray icon (and its @2x) for every tray state', () => {
    const states: Record<TrayState, true> = {
      idle: true,
      upcoming: true,
      'in-progress': true,
      'verification-due': true,
      problem: true,
      offline: true,
    };
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    for (const state of Object.keys(states)) {
      for (const [file, size] of [
        [`${state}.png`, 16],
        [`${state}@2x.png`, 32],
      ] as const) {
        const bytes = readFileSync(join(root, 'assets', 'tray', file));
        expect(bytes.subarray(0, 4).equals(PNG)).toBe(true);
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
      }
    }
  });
});
