import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeReportFs, ReportWriteError, ReportWriter, type ReportFs } from '../../../electron/core/reports/writer';
import { listFiles, sampleReport, tempDir } from './helpers';

const ID = '3f2a9c1e-5b6d-4c7e-8f90-a1b2c3d4e5f6';
const FINAL = '2026-12-02/20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json';

/** The real file system, with hooks to observe or break one operation. */
function spyFs(overrides: Partial<ReportFs> = {}): ReportFs & { calls: string[] } {
  const calls: string[] = [];
  const wrap =
    <K extends keyof ReportFs>(name: K) =>
    (...args: Parameters<ReportFs[K]>) => {
      calls.push(
        `${name} ${path.basename(String(args[0]))}${args[1] && name !== 'writeNew' ? ` → ${path.basename(String(args[1]))}` : ''}`,
      );
      const impl = (overrides[name] ?? nodeReportFs[name]) as (
        ...a: Parameters<ReportFs[K]>
      ) => ReturnType<ReportFs[K]>;
      return impl(...args);
    };
  return {
    calls,
    stat: wrap('stat'),
    lstat: wrap('lstat'),
    mkdir: wrap('mkdir'),
    writeNew: wrap('writeNew'),
    link: wrap('link'),
    rename: wrap('rename'),
    unlink: wrap('unlink'),
    readFile: wrap('readFile'),
    readdir: wrap('readdir'),
    syncDir: wrap('syncDir'),
  };
}

describe('ReportWriter', () => {
  it('writes the report under its final name in a folder per window date, and nothing else', async () => {
    const folder = tempDir();
    const report = sampleReport({ reportId: ID });
    const outcome = await new ReportWriter().write(folder, report);
    expect(outcome).toEqual({ path: path.join(folder, FINAL), alreadyDelivered: false, flat: null });
    expect(listFiles(folder)).toEqual([FINAL]);
    expect(JSON.parse(fs.readFileSync(outcome.path, 'utf8'))).toEqual(report);
  });

  it('writes and flushes a temporary file in the same folder before the final name appears', async () => {
    const folder = tempDir();
    const seen: string[][] = [];
    const fsx = spyFs({
      async link(a, b) {
        // At the moment of publication the complete content is already on disk under the temp name.
        seen.push(listFiles(folder));
        expect(path.dirname(a)).toBe(path.dirname(b));
        expect(JSON.parse(await fsp.readFile(a, 'utf8')).reportId).toBe(ID);
        return nodeReportFs.link(a, b);
      },
    });
    await new ReportWriter({ fs: fsx, random: () => 'abc123' }).write(folder, sampleReport({ reportId: ID }));
    expect(seen).toEqual([[`2026-12-02/.20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json.tmp-abc123`]]);
    expect(fsx.calls.filter((c) => /^(writeNew|link|unlink)/.test(c))).toEqual([
      'writeNew .20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json.tmp-abc123',
      'link .20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json.tmp-abc123 → 20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json',
      'unlink .20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json.tmp-abc123',
    ]);
    expect(listFiles(folder)).toEqual([FINAL]);
  });

  it('never overwrites someone else’s file that holds the same name: takes the next name', async () => {
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, '2026-12-02'));
    const foreign = path.join(folder, FINAL);
    fs.writeFileSync(foreign, '{"reportId":"someone-else"}');
    const outcome = await new ReportWriter().write(folder, sampleReport({ reportId: ID }));
    expect(path.basename(outcome.path)).toBe('20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e-2.json');
    expect(fs.readFileSync(foreign, 'utf8')).toBe('{"reportId":"someone-else"}');
    expect(listFiles(folder)).toHaveLength(2);
  });

  it('treats an unreadable or garbage file under its name as someone else’s', async () => {
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, '2026-12-02'));
    fs.writeFileSync(path.join(folder, FINAL), 'not json');
    const outcome = await new ReportWriter().write(folder, sampleReport({ reportId: ID }));
    expect(outcome.path.endsWith('-2.json')).toBe(true);
    expect(fs.readFileSync(path.join(folder, FINAL), 'utf8')).toBe('not json');
  });

  it('recognises its own report already delivered (retry after a crash): no second file', async () => {
    const folder = tempDir();
    const report = sampleReport({ reportId: ID });
    const writer = new ReportWriter();
    await writer.write(folder, report);
    // A temp file left by an interrupted attempt of the same report is cleaned up on the way.
    fs.writeFileSync(
      path.join(folder, '2026-12-02', '.20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json.tmp-dead01'),
      '{',
    );
    const again = await writer.write(folder, report);
    expect(again).toEqual({ path: path.join(folder, FINAL), alreadyDelivered: true, flat: null });
    expect(listFiles(folder)).toEqual([FINAL]);
  });

  it('two reports of the same PC and window get two files', async () => {
    const folder = tempDir();
    const writer = new ReportWriter();
    const a = await writer.write(folder, sampleReport());
    const b = await writer.write(folder, sampleReport());
    expect(a.path).not.toBe(b.path);
    expect(listFiles(folder)).toHaveLength(2);
  });

  it('concurrent writers of different reports into one folder never clash', async () => {
    const folder = tempDir();
    const writer = new ReportWriter();
    const reports = Array.from({ length: 40 }, (_, i) => sampleReport({ workstation: `PC-${i % 4}` }));
    await Promise.all(reports.map((r) => writer.write(folder, r)));
    const files = listFiles(folder);
    expect(files).toHaveLength(40);
    const ids = files.map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')).reportId).sort();
    expect(ids).toEqual(reports.map((r) => r.reportId).sort());
  });

  it('falls back to check-then-rename where the share refuses hard links', async () => {
    const folder = tempDir();
    const fsx = spyFs({ link: () => Promise.reject(Object.assign(new Error('no links'), { code: 'EPERM' })) });
    const outcome = await new ReportWriter({ fs: fsx, random: () => 'r1' }).write(
      folder,
      sampleReport({ reportId: ID }),
    );
    expect(outcome.alreadyDelivered).toBe(false);
    expect(fsx.calls.some((c) => c.startsWith('rename .20261202'))).toBe(true);
    expect(listFiles(folder)).toEqual([FINAL]);
  });

  it('without hard links still refuses to replace a file that appeared meanwhile', async () => {
    const folder = tempDir();
    let planted = false;
    const fsx = spyFs({
      link: () => Promise.reject(Object.assign(new Error('no links'), { code: 'ENOTSUP' })),
      async readFile(p) {
        // Someone else's file lands under our name between our first look and our rename.
        const text = await nodeReportFs.readFile(p).catch((e: unknown) => {
          if (!planted && p.endsWith('3f2a9c1e.json')) return null;
          throw e;
        });
        if (text === null) {
          planted = true;
          fs.writeFileSync(p, '{"reportId":"other"}');
          throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        }
        return text;
      },
    });
    const outcome = await new ReportWriter({ fs: fsx }).write(folder, sampleReport({ reportId: ID }));
    expect(fs.readFileSync(path.join(folder, FINAL), 'utf8')).toBe('{"reportId":"other"}');
    expect(outcome.path.endsWith('-2.json')).toBe(true);
    expect(listFiles(folder).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a missing folder is a folder-level error and is NOT re-created locally', async () => {
    const parent = tempDir();
    const folder = path.join(parent, 'partage-absent');
    const error = await new ReportWriter().write(folder, sampleReport()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportWriteError);
    expect(error).toMatchObject({ stage: 'folder', code: 'ENOENT', folderLevel: true });
    expect((error as Error).message).toMatch(/Dossier des rapports introuvable/);
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('removes its temp file when the final step fails', async () => {
    const folder = tempDir();
    const fsx = spyFs({ link: () => Promise.reject(Object.assign(new Error('io'), { code: 'EIO' })) });
    const error = await new ReportWriter({ fs: fsx }).write(folder, sampleReport()).catch((e: unknown) => e);
    expect(error).toMatchObject({ stage: 'rename', code: 'EIO', folderLevel: false });
    expect(listFiles(folder)).toEqual([]);
  });

  it('removes a half-written temp file when writing fails (disk full)', async () => {
    const folder = tempDir();
    const fsx = spyFs({
      async writeNew(p, data) {
        await fsp.writeFile(p, data.slice(0, 10), { flag: 'wx' });
        throw Object.assign(new Error('full'), { code: 'ENOSPC' });
      },
    });
    const error = await new ReportWriter({ fs: fsx }).write(folder, sampleReport()).catch((e: unknown) => e);
    expect(error).toMatchObject({ stage: 'write', code: 'ENOSPC', folderLevel: true });
    expect(listFiles(folder)).toEqual([]);
  });

  it('reports a share that refuses new files (access denied) as folder-level', async () => {
    const folder = tempDir();
    const fsx = spyFs({ writeNew: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) });
    const error = await new ReportWriter({ fs: fsx }).write(folder, sampleReport()).catch((e: unknown) => e);
    expect(error).toMatchObject({ stage: 'write', code: 'EACCES', folderLevel: true });
    expect((error as Error).message).toMatch(/n'a pas pu être écrit/);
    expect(listFiles(folder)).toEqual([]);
  });
});

describe('ReportWriter and a planted date folder (issue 9)', () => {
  const DAY = '2026-12-02';
  const FLAT = '20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json';

  it('a symbolic link (or junction) named like the date folder is not followed: the report goes flat into the root', async () => {
    const folder = tempDir();
    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, path.join(folder, DAY), 'junction');
    const outcome = await new ReportWriter().write(folder, sampleReport({ reportId: ID }));
    expect(outcome.path).toBe(path.join(folder, FLAT));
    expect(outcome.flat).toMatch(/lien ou une jonction/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(JSON.parse(fs.readFileSync(outcome.path, 'utf8')).reportId).toBe(ID);
  });

  it('a plain file named like the date folder does not block the report: written flat into the root', async () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, DAY), 'pas un dossier');
    const outcome = await new ReportWriter().write(folder, sampleReport({ reportId: ID }));
    expect(outcome).toMatchObject({ path: path.join(folder, FLAT), alreadyDelivered: false });
    expect(outcome.flat).toMatch(/est un fichier/);
    expect(fs.readFileSync(path.join(folder, DAY), 'utf8')).toBe('pas un dossier');
  });

  it('a retry finds its own flat file and writes no second one', async () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, DAY), 'x');
    const report = sampleReport({ reportId: ID });
    await new ReportWriter().write(folder, report);
    const again = await new ReportWriter().write(folder, report);
    expect(again).toMatchObject({ alreadyDelivered: true, path: path.join(folder, FLAT) });
    expect(fs.readdirSync(folder).sort()).toEqual([DAY, FLAT]);
  });
});
