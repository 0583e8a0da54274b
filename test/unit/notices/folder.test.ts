/**
 * The notices folder reader on real temp folders and real files (electron/core/notices/folder.ts): hostile files
 * are ignored with a reason and never re-read while unchanged; an unchanged folder costs stats, not reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir as reportsTempDir } from '../reports/helpers';
import {
  FULL_LOOK_EVERY,
  MAX_NOTICE_FILES,
  MAX_READS_PER_SCAN,
  NoticeFolder,
  nodeNoticeFs,
  type NoticeFs,
} from '../../../electron/core/notices/folder';
import { MAX_NOTICE_BYTES, noticeFileName } from '../../../shared/notices/notice';

const tempDir = () => reportsTempDir('vigie-notice-folder-');

const ID = '0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11';

function notice(id = ID, extra: Record<string, unknown> = {}) {
  return {
    format: 'vigie-notice',
    version: 1,
    id,
    site: 'IUSMM',
    services: ['Laboratoire'],
    applications: ['GestLab'],
    message: 'GestLab en panne',
    publishedAt: '2026-12-03T14:00:00-05:00',
    publisher: 'ti',
    ...extra,
  };
}

/** The real disk, its reads counted. */
function counting(): { fs: NoticeFs; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fs: {
      ...nodeNoticeFs,
      readHead: (file, max) => (reads.push(path.basename(file)), nodeNoticeFs.readHead(file, max)),
    },
  };
}

function logger() {
  const warnings: { message: string; data?: Record<string, unknown> }[] = [];
  return {
    warnings,
    log: {
      info: () => undefined,
      warn: (message: string, data?: Record<string, unknown>) => warnings.push({ message, data }),
    },
  };
}

describe('notices folder', () => {
  it('reads a notice once: an unchanged folder costs one stat per scan; a replaced file is read again at once', async () => {
    const dir = tempDir();
    const file = path.join(dir, noticeFileName(ID));
    fs.writeFileSync(file, JSON.stringify(notice()));
    const { fs: cfs, reads } = counting();
    const stats: string[] = [];
    const folder = new NoticeFolder({ fs: { ...cfs, stat: (f) => (stats.push(f), cfs.stat(f)) } });
    let scan = await folder.scan(dir);
    expect(scan.notices.map((n) => n.id)).toEqual([ID]);
    expect(reads).toEqual([noticeFileName(ID)]);
    stats.length = 0;
    for (let i = 0; i < 5; i++) scan = await folder.scan(dir);
    expect(reads).toHaveLength(1);
    expect(stats).toEqual([dir, dir, dir, dir, dir]);
    expect(scan.reads).toBe(0);
    expect(scan.notices).toHaveLength(1);

    // As `notice end` does it: a new file renamed over the old one (the folder's date moves).
    const temp = path.join(dir, '.avis.tmp');
    fs.writeFileSync(temp, JSON.stringify(notice(ID, { endedAt: '2026-12-03T15:00:00-05:00' })));
    fs.renameSync(temp, file);
    scan = await folder.scan(dir);
    expect(reads).toHaveLength(2);
    expect(scan.notices[0]?.endedAt).toBe('2026-12-03T15:00:00-05:00');

    fs.rmSync(file);
    scan = await folder.scan(dir);
    expect(scan.notices).toEqual([]);
  });

  it('a file edited in place (the folder keeps its date) is seen within FULL_LOOK_EVERY scans', async () => {
    const dir = tempDir();
    const file = path.join(dir, noticeFileName(ID));
    fs.writeFileSync(file, JSON.stringify(notice()));
    // A whole second: what utimes sets is what stat gives back (no sub-millisecond part to lose).
    const folderDate = new Date('2026-12-03T19:00:00Z');
    fs.utimesSync(dir, folderDate, folderDate);
    const folder = new NoticeFolder();
    await folder.scan(dir);
    fs.writeFileSync(file, JSON.stringify(notice(ID, { message: 'Corrigé sur place' })));
    fs.utimesSync(dir, folderDate, folderDate);
    const seen: string[] = [];
    for (let i = 0; i < FULL_LOOK_EVERY; i++) seen.push((await folder.scan(dir)).notices[0]?.message ?? '');
    expect(seen.slice(0, FULL_LOOK_EVERY - 1).every((m) => m === 'GestLab en panne')).toBe(true);
    expect(seen[FULL_LOOK_EVERY - 1]).toBe('Corrigé sur place');
  });

  it('ignores hostile files with a logged reason, remembered: no re-parse and no second log while unchanged', async () => {
    const dir = tempDir();
    const ids = [1, 2, 3, 4, 5, 6, 7].map((k) => `0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a1${k}`);
    const put = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(dir, name), content);
    put(noticeFileName(ids[0] as string), '{ "format": "vigie-notice", ');
    put(noticeFileName(ids[1] as string), JSON.stringify({ ...notice(ids[1]), message: 'x'.repeat(MAX_NOTICE_BYTES) }));
    put(noticeFileName(ids[2] as string), JSON.stringify(notice(ids[3])));
    put(noticeFileName(ids[3] as string), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    put(noticeFileName(ids[4] as string), JSON.stringify({ ...notice(ids[4]), site: '' }));
    put(noticeFileName(ids[5] as string), JSON.stringify({ ...notice(ids[5]), until: '2026-12-03T13:00:00-05:00' }));
    put(noticeFileName(ids[6] as string), JSON.stringify({ ...notice(ids[6]), message: 'Panne\u001b[2J\u202eelbatS' }));
    put('notes.json', JSON.stringify(notice()));
    put('.avis-x.json.tmp-1234', 'half written');
    const { fs: cfs, reads } = counting();
    const { log, warnings } = logger();
    const folder = new NoticeFolder({ fs: cfs, log });
    const scan = await folder.scan(dir);
    expect(scan.notices).toEqual([]);
    const reasons = Object.fromEntries(scan.ignored.map((f) => [f.file, f.reason]));
    expect(reasons).toEqual({
      [noticeFileName(ids[0] as string)]: 'JSON illisible',
      [noticeFileName(ids[1] as string)]: expect.stringContaining('fichier trop gros'),
      [noticeFileName(ids[2] as string)]: expect.stringContaining('ne correspond pas au nom du fichier'),
      [noticeFileName(ids[3] as string)]: 'texte illisible (UTF-8 attendu)',
      [noticeFileName(ids[4] as string)]: expect.stringContaining('avis non valide (site'),
      [noticeFileName(ids[5] as string)]: expect.stringContaining('until doit être après'),
      [noticeFileName(ids[6] as string)]: expect.stringContaining('caractère de contrôle ou saut de ligne interdit'),
      'notes.json': expect.stringContaining('nom de fichier inattendu'),
    });
    // The too-large file was refused on its size, unread; the badly named one too.
    expect(reads.sort()).toEqual([0, 2, 3, 4, 5, 6].map((k) => noticeFileName(ids[k] as string)).sort());
    expect(warnings.filter((w) => w.message === 'notices: file ignored')).toHaveLength(8);
    const again = await folder.scan(dir);
    expect(again.ignored).toHaveLength(8);
    expect(reads).toHaveLength(6);
    expect(warnings.filter((w) => w.message === 'notices: file ignored')).toHaveLength(8);
  });

  it('bounds a flooded folder: at most MAX_NOTICE_FILES looked at, MAX_READS_PER_SCAN read per scan', async () => {
    const dir = tempDir();
    const count = MAX_NOTICE_FILES + 30;
    for (let k = 0; k < count; k++) {
      const id = `0b7e4a52-6c1e-4f43-9d7a-${String(k).padStart(12, '0')}`;
      fs.writeFileSync(path.join(dir, noticeFileName(id)), JSON.stringify(notice(id)));
    }
    const { fs: cfs, reads } = counting();
    const folder = new NoticeFolder({ fs: cfs });
    const first = await folder.scan(dir);
    expect(first.reads).toBe(MAX_READS_PER_SCAN);
    expect(first.notices).toHaveLength(MAX_READS_PER_SCAN);
    let scan = first;
    for (let i = 0; i < 10; i++) scan = await folder.scan(dir);
    expect(scan.notices).toHaveLength(MAX_NOTICE_FILES);
    expect(reads).toHaveLength(MAX_NOTICE_FILES);
    expect(scan.ignored).toContainEqual({
      file: '(30 fichiers)',
      reason: `plus de ${MAX_NOTICE_FILES} fichiers dans le dossier des avis`,
    });
  });

  it('stops reading when the read budget is spent; the rest is read at the next scan', async () => {
    const dir = tempDir();
    for (const k of [1, 2, 3]) {
      const id = `0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a1${k}`;
      fs.writeFileSync(path.join(dir, noticeFileName(id)), JSON.stringify(notice(id)));
    }
    let t = 0;
    const slow: NoticeFs = { ...nodeNoticeFs, readHead: (f, m) => ((t += 3000), nodeNoticeFs.readHead(f, m)) };
    const folder = new NoticeFolder({ fs: slow, elapsed: () => t });
    expect((await folder.scan(dir)).reads).toBe(2);
    expect((await folder.scan(dir)).notices).toHaveLength(3);
  });

  it('a missing or odd folder is a reason, logged once; the notices already read stay known', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, noticeFileName(ID)), JSON.stringify(notice()));
    const { log, warnings } = logger();
    const folder = new NoticeFolder({ log });
    expect((await folder.scan(dir)).notices).toHaveLength(1);
    const moved = path.join(tempDir(), 'moved');
    fs.renameSync(dir, moved);
    const a = await folder.scan(dir);
    const b = await folder.scan(dir);
    expect(a.folderProblem).toBe(`dossier des avis introuvable : ${dir}`);
    expect(b.notices.map((n) => n.id)).toEqual([ID]);
    expect(warnings.filter((w) => w.message === 'notices: folder unavailable')).toHaveLength(1);
    const file = path.join(moved, noticeFileName(ID));
    expect((await new NoticeFolder().scan(file)).folderProblem).toBe(`${file} n'est pas un dossier`);
  });
});
