/**
 * The project's runtime (README, "Runtime"): scripts/lts-node.mjs re-runs the entry points under a supported Node
 * LTS, and every entry point says in one sentence to run `npm ci` first when node_modules is missing. Real child
 * processes on copies of the real scripts in temp folders; an "old Node" is the real Node with
 * process.versions.node rewritten before the script runs (so this holds on a machine whose Node is already 24).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSupported, LTS_MAJOR, MIN_NODE, root, RUN_NPM_CI_FIRST } from '../../../scripts/lts-node.mjs';
import pkg from '../../../package.json' with { type: 'json' };

const OLD_NODE = `--import=data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"})`;

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'vigie-lts-'));
  cpSync(join(root, 'scripts'), join(project, 'scripts'), { recursive: true });
  copyFileSync(join(root, '.nvmrc'), join(project, '.nvmrc'));
  copyFileSync(join(root, 'package.json'), join(project, 'package.json'));
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A command typed by someone on this (possibly "old") Node: without the mark a relaunched `npm test` passes on. */
function run(args: string[], nodeArgs: string[] = []) {
  const env = { ...process.env };
  delete env.VIGIE_LTS_NODE;
  return spawnSync(process.execPath, [...nodeArgs, ...args], { cwd: project, encoding: 'utf8', timeout: 60_000, env });
}

/** A "provisioned" Node in the project's .cache/node: the real binary, linked (copied across file systems). */
function fakeProvisionedNode(version = `${LTS_MAJOR}.1.2`): string {
  const name = `node-${process.platform}-${process.arch}`;
  const dir = join(project, '.cache', 'node', `${version}-${process.platform}-${process.arch}`, 'node_modules', name);
  const bin = process.platform === 'win32' ? 'bin/node.exe' : 'bin/node';
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, bin: { node: bin } }));
  try {
    linkSync(process.execPath, join(dir, bin));
  } catch {
    copyFileSync(process.execPath, join(dir, bin));
  }
  return join(dir, bin);
}

describe('supported Node', () => {
  it('accepts the LTS and the minimum, refuses Node 20 and 22 before 22.14', () => {
    expect(isSupported(`${LTS_MAJOR}.0.0`)).toBe(true);
    expect(isSupported(`${MIN_NODE[0]}.${MIN_NODE[1]}.0`)).toBe(true);
    expect(isSupported('22.13.1')).toBe(false);
    expect(isSupported('20.20.2')).toBe(false);
    expect(isSupported('26.0.0')).toBe(true);
  });

  it('says the same thing as package.json "engines", and the LTS it provisions satisfies it', () => {
    expect(pkg.engines.node).toBe(`>=${MIN_NODE.join('.')}`);
    expect(isSupported(`${LTS_MAJOR}.0.0`)).toBe(true);
    expect(LTS_MAJOR % 2).toBe(0); // even majors are the LTS lines
  });

  it('this test run itself is on a supported Node', () => {
    expect(isSupported(process.versions.node)).toBe(true);
  });
});

describe('before `npm ci`', () => {
  for (const [command, args] of [
    ['npm test', ['scripts/test.mjs']],
    ['npm start', ['scripts/start.mjs']],
    ['npm run cli', ['scripts/lts-node.mjs', 'tsx', 'electron/cli/main.ts', 'help']],
    ['npm run sbom', ['scripts/sbom.mjs']],
  ] as const) {
    it(`${command} says in one sentence to run \`npm ci\` first, and fails`, () => {
      const r = run([...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${RUN_NPM_CI_FIRST}\n`);
      expect(r.stdout).toBe('');
    });
  }
});

describe('on a Node older than the minimum', () => {
  beforeEach(() => {
    mkdirSync(join(project, 'node_modules'));
    writeFileSync(join(project, 'node_modules', '.package-lock.json'), '{}');
    writeFileSync(
      join(project, 'scripts', 'probe.mjs'),
      [
        "import { relaunchUnderLts } from './lts-node.mjs';",
        'await relaunchUnderLts();',
        'const path = process.env.PATH ?? process.env.Path ?? "";',
        `console.log(JSON.stringify({ node: process.versions.node, exec: process.execPath, first: path.split(${JSON.stringify(delimiter)})[0], nodedir: process.env.npm_config_nodedir ?? null, args: process.argv.slice(2) }));`,
        'process.exit(3);',
      ].join('\n'),
    );
  });

  it('re-runs the script under the provisioned LTS (first on PATH), with its arguments and exit code', () => {
    const binary = fakeProvisionedNode();
    const r = run(['scripts/probe.mjs', '--flag', 'x'], [OLD_NODE]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    const seen = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(seen).toMatchObject({ exec: binary, first: dirname(binary), args: ['--flag', 'x'] });
    // The re-run process is not the "old" one: its own version is the real, supported one.
    expect(seen.node).toBe(process.versions.node);
    // No include/node in this fake: no node-gyp headers are claimed.
    expect(seen.nodedir).toBeNull();
  });

  it('uses an LTS already in .cache/node without installing anything', () => {
    fakeProvisionedNode();
    const r = run(['scripts/probe.mjs'], [OLD_NODE]);
    expect(r.stdout).not.toMatch(/installation|registre/);
    expect(r.status).toBe(3);
  });

  it('points node-gyp at the provisioned headers when the package has them', () => {
    const binary = fakeProvisionedNode();
    const pkgDir = dirname(dirname(binary));
    mkdirSync(join(pkgDir, 'include', 'node'), { recursive: true });
    writeFileSync(join(pkgDir, 'include', 'node', 'node.h'), '');
    const seen = JSON.parse(run(['scripts/probe.mjs'], [OLD_NODE]).stdout) as Record<string, unknown>;
    expect(seen.nodedir).toBe(pkgDir);
  });

  it('refuses to loop when the provisioned Node is unsupported too', () => {
    fakeProvisionedNode();
    // This "old" Node is the one a previous relaunch chose.
    const r = spawnSync(process.execPath, [OLD_NODE, 'scripts/probe.mjs'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, VIGIE_LTS_NODE: process.execPath },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("n'est pas une version de Node prise en charge");
  });

  it('on a supported Node, runs in place (no relaunch)', () => {
    const r = run(['scripts/probe.mjs']);
    expect(JSON.parse(r.stdout)).toMatchObject({ exec: process.execPath, node: process.versions.node });
  });
});
