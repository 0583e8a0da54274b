/**
 * .github/workflows/windows.yml cannot run here (no Windows, no Electron binary): its structure is checked
 * instead — the steps it runs, in order, with commands that exist, the installers electron-builder.yml declares,
 * and code signing wired to secrets and skipped cleanly without them (README, "Windows pipeline").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isSupported, LTS_MAJOR } from '../../../scripts/lts-node.mjs';

const root = join(import.meta.dirname, '..', '..', '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  id?: string;
  shell?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[]; env?: Record<string, string> }>;
}

let steps: Step[];
let job: Workflow['jobs'][string];
let workflow: Workflow;
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** Index of the one step whose `run` is exactly `command` (or starts with it, for electron-builder). */
function stepRunning(command: string | RegExp): number {
  const found = steps.flatMap((s, i) =>
    typeof s.run === 'string' && (typeof command === 'string' ? s.run.trim() === command : command.test(s.run.trim()))
      ? [i]
      : [],
  );
  expect(found, `one step runs ${String(command)}`).toHaveLength(1);
  return found[0] ?? -1;
}

beforeAll(() => {
  workflow = parse(readFileSync(join(root, '.github', 'workflows', 'windows.yml'), 'utf8')) as Workflow;
  const jobs = Object.values(workflow.jobs);
  expect(jobs).toHaveLength(1);
  const [only] = jobs;
  if (!only) throw new Error('windows.yml has no job');
  job = only;
  steps = job.steps;
});

describe('.github/workflows/windows.yml', () => {
  it('runs on windows-latest for pushes, tags and pull requests, with read-only repository access', () => {
    expect(job['runs-on']).toBe('windows-latest');
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('installs the project LTS from .nvmrc (a version package.json "engines" accepts)', () => {
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version-file']).toBe('.nvmrc');
    expect(isSupported(`${LTS_MAJOR}.0.0`)).toBe(true);
    expect(steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'))).toBe(0);
  });

  it('runs, in order: npm ci, audit, npm test, the Electron binary, the Electron smoke test, build, SBOM, installers', () => {
    const order = [
      stepRunning('npm ci --no-fund'),
      stepRunning('npm audit --omit=dev --audit-level=high'),
      stepRunning('npm test'),
      stepRunning('node node_modules/electron/install.js'),
      stepRunning('npm run test:electron'),
      stepRunning('npm run build'),
      stepRunning('npm run sbom'),
      Math.min(...steps.flatMap((s, i) => (s.run?.includes('electron-builder') ? [i] : []))),
      steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@')),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('only names npm scripts that exist, and never skips a failing step', () => {
    for (const step of steps) {
      for (const [, script] of step.run?.matchAll(/npm run ([\w:-]+)/g) ?? []) {
        expect(scripts, `package.json script ${script}`).toHaveProperty([script ?? '']);
      }
      expect(step).not.toHaveProperty('continue-on-error');
    }
    // The real-Electron suite is the workflow's, not `npm test`'s (no Electron binary on the development machine).
    expect(readFileSync(join(root, 'scripts', 'test.mjs'), 'utf8')).not.toContain('test:electron');
    expect(scripts['test:electron']).toContain('playwright.electron.config.ts');
  });

  it('builds the NSIS and MSI installers electron-builder.yml declares, for x64, without publishing', () => {
    const builds = steps.filter((s) => s.run?.includes('electron-builder'));
    expect(builds).toHaveLength(2);
    for (const step of builds)
      expect(step.run?.trim()).toBe('npx electron-builder --win nsis msi --x64 --publish never');
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/target: nsis/);
    expect(config).toMatch(/target: msi/);
  });

  it('signs with the repository secrets when they exist, and builds unsigned (with a notice) when they do not', () => {
    const detect = steps.find((s) => s.id === 'signing');
    expect(detect?.env).toEqual({ WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}' });
    expect(detect?.run).toContain('enabled=true');
    expect(detect?.run).toContain('enabled=false');
    expect(detect?.run).toContain('::notice');

    const [signed, unsigned] = steps.filter((s) => s.run?.includes('electron-builder'));
    if (!signed || !unsigned) throw new Error('two electron-builder steps expected');
    expect(signed.if).toBe("steps.signing.outputs.enabled == 'true'");
    expect(signed.env).toEqual({
      CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
    });
    expect(unsigned.if).toBe("steps.signing.outputs.enabled != 'true'");
    expect(unsigned.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    // Secrets reach commands only through env, never pasted into a command line (where logs could show them).
    for (const step of steps) expect(step.run ?? '').not.toContain('secrets.');
  });

  it('uploads the installers and the SBOM, and fails if there are none', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && !s.if);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    expect(upload?.with?.path?.trim().split('\n')).toEqual(['release/*.exe', 'release/*.msi', 'release/*.cdx.json']);
  });

  it('relies on package.json "allowScripts", not on an environment variable, to install without Electron', () => {
    const text = JSON.stringify(workflow);
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
});
