/** `check-config`: real policy files in a temp folder, the real command line (exit codes 0 / 1 / 2). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers';

let dir: string;
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, 'utf8');
  return file;
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-check-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check-config', () => {
  it('a valid config: ok, no problem, the values the workstation applies; exit 0', async () => {
    const file = write(
      'config.json',
      '\uFEFF' +
        JSON.stringify({ '//': 'GPO Labo', site: 'HMR', services: 'Laboratoire', allowQuit: false, pollMinutes: 10 }),
    );
    const run = await cli(['check-config', file, '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      ok: true,
      problems: [],
      effective: { site: 'HMR', services: ['Laboratoire'], allowQuit: false, pollMinutes: 10 },
    });
  });

  it('French problems per key, invalid keys shown at their safe default; exit 1', async () => {
    const file = write(
      'config.json',
      JSON.stringify({ allowQuit: 'non', pollMinutes: 0, intranetUrl: 'http://intranet', constructor: 1, site: 'HMR' }),
    );
    const run = await cli(['check-config', file, '--json']);
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      ok: false,
      problems: [
        { key: 'allowQuit', message: '`allowQuit` doit être true ou false, pas « non »' },
        { key: 'pollMinutes', message: '`pollMinutes` doit être un nombre entier de minutes de 1 à 1440, pas « 0 »' },
        { key: 'intranetUrl', message: '`intranetUrl` doit être une adresse https://…, pas « http://intranet »' },
        { key: 'constructor', message: expect.stringMatching(/^clé inconnue « constructor »/) },
      ],
      effective: { site: 'HMR', intranetUrl: null, allowQuit: false, pollMinutes: 5 },
    });
  });

  it('a malformed, empty or missing file is not ok, and says so in French', async () => {
    for (const content of ['{ "site": "HMR", ', '']) {
      const run = await cli(['check-config', write('c.json', content), '--json']);
      expect(run.code).toBe(1);
      expect(run.json<{ problems: { key: null; message: string }[] }>().problems[0]?.message).toMatch(
        /rien n’est déverrouillé$/,
      );
    }
    const missing = await cli(['check-config', path.join(dir, 'absent.json'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.json()).toMatchObject({
      ok: false,
      problems: [{ key: null, message: expect.stringContaining('introuvable') }],
    });
  });

  it('checks a saved `reg query` output with the JSON, the registry winning', async () => {
    const json = write('config.json', JSON.stringify({ allowQuit: true, octopusUrl: 'https://octopus.example/f' }));
    const reg = path.resolve(__dirname, '../../fixtures/registry/vigie-fr-cp850.txt');
    const run = await cli(['check-config', json, '--registry', reg, '--json']);
    expect(run.code).toBe(0);
    expect(run.json<{ effective: Record<string, unknown> }>().effective).toMatchObject({
      allowQuit: false,
      octopusUrl: 'https://octopus.example/f',
      site: 'Hôpital Maisonneuve-Rosemont',
    });
  });

  it('text output for a person, and exit 2 on bad arguments', async () => {
    const text = await cli(['check-config', write('c.json', '{"allowQuit": "non"}')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Configuration NON valide');
    expect(text.stdout).toContain('allowQuit : `allowQuit` doit être true ou false, pas « non »');
    expect((await cli(['check-config'])).code).toBe(2);
    expect((await cli(['check-config', 'a.json', '--nope'])).code).toBe(2);
  });
});

describe('check-config in the admin bundle', () => {
  it('bundles with no native module and no SQLite (pure JS)', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [path.resolve(__dirname, '../../../electron/cli/commands/check-config.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('electron/core/settings/registry.ts'))).toBe(true);
    expect(inputs.filter((i) => /better-sqlite3|electron\/core\/store|node-notifier|exceljs/.test(i))).toEqual([]);
  });
});
