/**
 * dist/vigie-admin.mjs (scripts/build.mjs, buildAdmin): built for real, copied ALONE into an empty folder and run
 * there with plain `node` as child processes — no node_modules, no native module, no assets beside it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_BUNDLE, ADMIN_NODE_TARGET, buildAdmin } from '../../../scripts/build.mjs';

let dir = '';
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };

beforeAll(async () => {
  await buildAdmin();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-admin-'));
  fs.copyFileSync(ADMIN_BUNDLE, path.join(dir, 'vigie-admin.mjs'));
  fs.copyFileSync('assets/inventaire-par-defaut.csv', path.join(dir, 'inventaire.csv'));
  fs.mkdirSync(path.join(dir, 'partage'));
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function admin(...args: string[]) {
  // A clean environment: no NODE_PATH or NODE_OPTIONS that could find this checkout's node_modules.
  const r = spawnSync(process.execPath, ['vigie-admin.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('admin bundle', () => {
  it('is one file with a shebang, for Node 20, with the package version compiled in', () => {
    const text = fs.readFileSync(ADMIN_BUNDLE, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(ADMIN_NODE_TARGET).toBe('node20');
    expect(text).not.toMatch(/from ["'](better-sqlite3|electron|node-notifier)["']/);
    expect(fs.readdirSync(dir).sort()).toEqual(['inventaire.csv', 'partage', 'vigie-admin.mjs']);
    expect(admin('--version')).toMatchObject({ code: 0, out: `vigie-admin ${pkg.version}\n` });
  });

  it('lists the IT commands, and only those', () => {
    const help = admin('--help');
    expect(help.code).toBe(0);
    for (const name of [
      'check-inventory',
      'check-config',
      'publish',
      'keygen',
      'occurrences',
      'timeline',
      'contact',
      'report',
      'ics',
      'notice',
    ]) {
      expect(help.out).toContain(`\n  ${name} `);
    }
    expect(help.out).toContain('Usage : node vigie-admin.mjs');
    expect(admin('agent')).toMatchObject({ code: 2 });
    // check-config runs from the bundle alone, fail-closed verdict included.
    fs.writeFileSync(path.join(dir, 'config.json'), '{"allowQuit": "non"}');
    const config = admin('check-config', 'config.json', '--json');
    expect(config.code).toBe(1);
    expect(JSON.parse(config.out)).toMatchObject({ ok: false, problems: [{ key: 'allowQuit' }] });
    fs.rmSync(path.join(dir, 'config.json'));
    expect(admin()).toMatchObject({ code: 2 });
  });

  it('keygen, publish with a signature, check-inventory --public-key: exit codes as the dev command line', () => {
    expect(admin('keygen', '--out', 'cle').code).toBe(0);
    const published = admin('publish', 'inventaire.csv', '--to', 'partage', '--key', 'cle.key', '--json');
    expect(published.code).toBe(0);
    expect(JSON.parse(published.out)).toMatchObject({ ok: true, signed: true, errors: 0 });
    const check = admin('check-inventory', 'partage/inventaire.csv', '--public-key', 'cle.pub', '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, applications: 18, signature: 'valid' });
    fs.appendFileSync(path.join(dir, 'partage', 'inventaire.csv'), '\n');
    const tampered = admin('check-inventory', 'partage/inventaire.csv', '--public-key', 'cle.pub', '--json');
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out)).toMatchObject({ signature: 'invalid' });
  });

  it('notice publish, list and end run from the bundle alone (docs/deployment.md §13)', () => {
    fs.mkdirSync(path.join(dir, 'avis'));
    const published = admin(
      'notice',
      'publish',
      '--dir',
      'avis',
      '--site',
      'IUSMM',
      '--message',
      'GestLab en panne',
      '--json',
    );
    expect(published).toMatchObject({ code: 0, err: '' });
    const { id } = JSON.parse(published.out) as { id: string };
    expect(JSON.parse(admin('notice', 'list', '--dir', 'avis', '--json').out)).toMatchObject({
      notices: [{ id, state: 'en cours' }],
    });
    expect(admin('notice', 'end', '--dir', 'avis', '--id', id).code).toBe(0);
    expect(admin('notice', 'end', '--dir', 'avis', '--id', id)).toMatchObject({ code: 1 });
    expect(admin('notice', 'publish', '--dir', 'avis', '--site', 'IUSMM')).toMatchObject({ code: 2 });
  });

  it('occurrences, timeline, contact (built-in default inventory), ics and report run without SQLite', () => {
    expect(
      admin('occurrences', '--rule', '1er mercredi 2h-4h', '--from', '2026-11-25', '--count', '1', '--json').out,
    ).toContain('2026-12-02T02:00:00-05:00');
    expect(admin('occurrences', '--rule', '1er mercredi 25h-4h').code).toBe(1);
    const timeline = admin(
      'timeline',
      '--inventory',
      'inventaire.csv',
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--from',
      '2026-11-25',
      '--to',
      '2026-12-31',
      '--json',
    );
    expect(timeline.code).toBe(0);
    expect(
      admin(
        'timeline',
        '--inventory',
        'inventaire.csv',
        '--site',
        'X',
        '--service',
        'Y',
        '--from',
        '2026-11-25',
        '--to',
        '2026-12-31',
      ),
    ).toMatchObject({ code: 1 });
    const contact = admin('contact', '--at', '2026-12-02T05:30', '--site', 'IUSMM', '--json');
    expect(contact.code).toBe(0);
    expect(contact.out).toContain('3050');
    expect(
      admin(
        'ics',
        '--inventory',
        'inventaire.csv',
        '--site',
        'IUSMM',
        '--service',
        'Laboratoire',
        '--from',
        '2026-11-25',
        '--out',
        'plages.ics',
      ).code,
    ).toBe(0);
    const ics = fs.readFileSync(path.join(dir, 'plages.ics'), 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    // The VTIMEZONE compiled into the bundle (its package reads it from beside its source otherwise).
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/Toronto/);
    fs.mkdirSync(path.join(dir, 'rapports'));
    const report = admin('report', '--results', 'rapports', '--html', 'parc.html', '--json');
    expect(report.err).toBe('');
    expect(report.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'parc.html'))).toBe(true);
  });
});
