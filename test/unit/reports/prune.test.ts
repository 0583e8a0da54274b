/**
 * `report --prune --older-than 180d` (issue 11) on real folders: a dry run by default, `--yes` deletes; only
 * Vigie date folders that hold nothing but reports; never through a symlink (or, on Windows, a junction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { pruneReports } from '../../../electron/core/reports/prune';
import { cli, listFiles, tempDir } from './helpers';

const NOW = DateTime.fromISO('2026-12-03T09:00', { zone: 'America/Toronto' });
const options = (del: boolean) => ({ olderThanDays: 180, now: NOW, zone: 'America/Toronto', delete: del });

function put(root: string, rel: string, text = '{"format":"vigie-report"}'): void {
  const file = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A share after a year: old and recent date folders, and what else people put there. */
function share(): { root: string; outside: string } {
  const root = tempDir('vigie-prune-');
  const outside = tempDir('vigie-prune-outside-');
  put(outside, '20260101-0200_IUSMM_PC-1_aaaaaaaa.json');
  put(root, '2026-01-07/20260107-0200_IUSMM_PC-1_aaaaaaaa.json');
  put(root, '2026-01-07/20260107-0200_IUSMM_PC-2_bbbbbbbb.json');
  put(root, '2026-01-07/.20260107-0200_IUSMM_PC-3_cccccccc.json.tmp-0a1b2c');
  put(root, '2026-05-06/20260506-0200_IUSMM_PC-1_dddddddd.json');
  put(root, '2026-11-04/20261104-0200_IUSMM_PC-1_eeeeeeee.json'); // recent: kept
  put(root, '2026-02-04/20260204-0200_IUSMM_PC-1_ffffffff.json');
  put(root, '2026-02-04/perso/notes.json'); // a subfolder: someone else's
  put(root, '2026-03-04/20260304-0200_IUSMM_PC-1_11111111.json');
  put(root, '2026-03-04/lisez-moi.txt'); // a foreign file
  put(root, '2026-02-30/20260230-0200_IUSMM_PC-1_22222222.json'); // not a real date
  put(root, 'archives/2025-01-01.json'); // not a date folder
  fs.symlinkSync(outside, path.join(root, '2026-01-14'), 'junction'); // an old-looking link to elsewhere
  fs.mkdirSync(path.join(root, '2026-04-01'));
  fs.symlinkSync(
    path.join(outside, '20260101-0200_IUSMM_PC-1_aaaaaaaa.json'),
    path.join(root, '2026-04-01', 'lien.json'),
  );
  return { root, outside };
}

describe('pruneReports', () => {
  it('dry run: lists the old Vigie date folders, deletes nothing', async () => {
    const { root } = share();
    const before = listFiles(root);
    const result = await pruneReports(root, options(false));
    expect(result.dryRun).toBe(true);
    expect(result.cutoff).toBe('2026-06-06');
    expect(result.folders).toEqual([
      { folder: '2026-01-07', files: 3, bytes: 3 * 25 },
      { folder: '2026-05-06', files: 1, bytes: 25 },
    ]);
    expect(result.deleted).toEqual([]);
    expect(result.kept.map((k) => k.folder)).toEqual(['2026-01-14', '2026-02-04', '2026-03-04', '2026-04-01']);
    expect(result.kept.find((k) => k.folder === '2026-01-14')?.reason).toMatch(/lien symbolique ou jonction/);
    expect(result.kept.find((k) => k.folder === '2026-02-04')?.reason).toContain('sous-dossier « perso »');
    expect(result.kept.find((k) => k.folder === '2026-03-04')?.reason).toContain('fichier « lisez-moi.txt »');
    expect(result.kept.find((k) => k.folder === '2026-04-01')?.reason).toContain('lien « lien.json »');
    expect(listFiles(root)).toEqual(before);
  });

  it('with delete: removes exactly those folders; links, their targets and everything else stay', async () => {
    const { root, outside } = share();
    const result = await pruneReports(root, options(true));
    expect(result.deleted).toEqual(['2026-01-07', '2026-05-06']);
    expect(result.failed).toEqual([]);
    expect(fs.readdirSync(root).sort()).toEqual([
      '2026-01-14',
      '2026-02-04',
      '2026-02-30',
      '2026-03-04',
      '2026-04-01',
      '2026-11-04',
      'archives',
    ]);
    expect(fs.lstatSync(path.join(root, '2026-01-14')).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(outside)).toEqual(['20260101-0200_IUSMM_PC-1_aaaaaaaa.json']);
    expect(fs.readdirSync(path.join(root, '2026-04-01'))).toEqual(['lien.json']);
    // Run again: nothing left to do.
    expect((await pruneReports(root, options(true))).deleted).toEqual([]);
  });
});

describe('cli report --prune', () => {
  it('is a dry run unless --yes, and says so in French', async () => {
    const { root } = share();
    const dry = await cli(['report', '--results', root, '--prune', '--older-than', '180d']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Essai (rien n’est supprimé ; ajoutez --yes pour supprimer) : 2 dossier(s)');
    expect(dry.out).toContain('laissé en place : 2026-01-14 — lien symbolique ou jonction');
    expect(fs.existsSync(path.join(root, '2026-01-07'))).toBe(true);

    const done = await cli(['report', '--results', root, '--prune', '--older-than', '180d', '--yes', '--json']);
    expect(done.code).toBe(0);
    expect(done.json<{ dryRun: boolean; deleted: string[] }>()).toMatchObject({
      dryRun: false,
      deleted: ['2026-01-07', '2026-05-06'],
    });
    expect(fs.existsSync(path.join(root, '2026-01-07'))).toBe(false);
  });

  it('--older-than is required and must be a number of days; --prune does not take report options', async () => {
    const { root } = share();
    for (const argv of [
      ['--prune'],
      ['--prune', '--older-than', 'six mois'],
      ['--prune', '--older-than', '0d'],
      ['--prune', '--older-than', '180d', '--html', 'x.html'],
      ['--older-than', '180d', '--html', 'x.html'],
      ['--yes', '--html', 'x.html'],
    ]) {
      const r = await cli(['report', '--results', root, ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
    }
    expect(fs.existsSync(path.join(root, '2026-01-07'))).toBe(true);
  });

  it('exit 1 with a clear message when the results folder is missing', async () => {
    const r = await cli(['report', '--results', path.join(tempDir(), 'absent'), '--prune', '--older-than', '30']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Dossier des résultats introuvable/);
  });
});
