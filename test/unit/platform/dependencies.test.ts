/**
 * Install policy and what the installers ship (README, "Runtime" and "Windows pipeline"): `npm ci` runs only the
 * install scripts package.json "allowScripts" reviewed (electron's binary download is not one of them: `npm start`
 * and the Windows workflow fetch it), better-sqlite3 is the Node-API build that serves Node and Electron alike,
 * and `npm run sbom` writes a CycloneDX SBOM of the production tree plus Electron.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../../scripts/lts-node.mjs';

interface LockPackage {
  version: string;
  dev?: boolean;
  hasInstallScript?: boolean;
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  allowScripts: Record<string, boolean>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>;
};
function locked(name: string): LockPackage {
  const found = lock.packages[`node_modules/${name}`];
  if (!found) throw new Error(`${name} is not in package-lock.json`);
  return found;
}

describe('install scripts', () => {
  it('every dependency with an install script has a reviewed allowScripts entry', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });

  it("denies electron's (the binary download that aborted `npm ci` offline) and allows esbuild's", () => {
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'better-sqlite3': true, esbuild: true });
  });
});

describe('Electron and better-sqlite3', () => {
  it('the lock file pins the Electron and better-sqlite3 majors package.json asks for', () => {
    for (const [name, range] of [
      ['electron', pkg.devDependencies.electron ?? ''],
      ['better-sqlite3', pkg.dependencies['better-sqlite3'] ?? ''],
    ] as const) {
      const major = /\d+/.exec(range)?.[0];
      expect(locked(name).version.split('.')[0], name).toBe(major);
    }
  });

  it('better-sqlite3 is a Node-API addon with the Windows x64 prebuild the installer ships', () => {
    const dir = join(root, 'node_modules', 'better-sqlite3');
    expect(readFileSync(join(dir, 'binding.gyp'), 'utf8')).toMatch(/NAPI_VERSION=\d+/);
    expect(existsSync(join(dir, 'prebuilds', 'win32-x64.node'))).toBe(true);
    // scripts/start.mjs relies on this to skip the rebuild for Electron.
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "console.log((await import('./scripts/native-abi.mjs')).usesNodeApi())"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('true');
  });
});

describe('npm run sbom', () => {
  it('writes a CycloneDX 1.6 SBOM of the shipped tree: production dependencies and Electron, no dev tools', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sbom-'));
    try {
      const output = join(dir, 'sbom.json');
      const r = spawnSync(process.execPath, ['scripts/sbom.mjs', '--output', output], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const bom = JSON.parse(readFileSync(output, 'utf8')) as {
        bomFormat: string;
        specVersion: string;
        metadata: { component: { name: string; 'bom-ref': string } };
        components: { name: string; version: string; purl?: string }[];
        dependencies: { ref: string; dependsOn?: string[] }[];
      };
      expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
      expect(bom.metadata.component.name).toBe('vigie');
      const versions = new Map(bom.components.map((c) => [c.name, c.version]));
      expect(versions.get('better-sqlite3')).toBe(locked('better-sqlite3').version);
      expect(versions.get('exceljs')).toBe(locked('exceljs').version);
      expect(versions.get('electron')).toBe(locked('electron').version);
      for (const devOnly of ['vitest', 'typescript', 'electron-builder', '@playwright/test']) {
        expect(versions.has(devOnly), devOnly).toBe(false);
      }
      const rootDeps = bom.dependencies.find((d) => d.ref === bom.metadata.component['bom-ref']);
      expect(rootDeps?.dependsOn).toContain(`pkg:npm/electron@${locked('electron').version}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
