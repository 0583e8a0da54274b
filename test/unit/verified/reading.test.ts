/**
 * Reading the share stays cheap (issue 12): only while a verification is due, only the window's date folder, never
 * more often than the tick, each file judged once; and the share is hostile: every unusable file is ignored with
 * a logged reason, never trusted, never a crash. File operations are counted through the reader's fs seam.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VerifiedRig } from './rig';
import { sampleReport } from '../reports/helpers';

const SHIFT = { options: { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } } };
const STAMP = '20261202-0200_';

function write(rig: VerifiedRig, rel: string, content: string | Buffer): string {
  const file = path.join(rig.share, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

describe('reading the share for a verification made elsewhere', () => {
  it('reads nothing while no verification is due: before the window ends, and once this PC submitted its run', async () => {
    const rig = new VerifiedRig('2026-12-02T01:00:00');
    await rig.put({ submittedAt: '2026-12-02T04:10:00-05:00' });
    await rig.stepTo('2026-12-02T03:59:30');
    expect(rig.fsSeam.listed).toEqual([]);
    // 24/7: the checklist at 4 h is announced and its run open (due: read); once submitted here, never again.
    await rig.step('2026-12-02T04:00:00');
    expect(rig.fsSeam.listed).toHaveLength(1);
    const [run] = rig.store.checklists.listRuns({ status: 'open' });
    expect(rig.store.checklists.submit(run?.id ?? '', 'AB', rig.clock.now())).toBe(true);
    await rig.stepTo('2026-12-02T05:00:00');
    expect(rig.fsSeam.listed).toHaveLength(1);
    expect(rig.summary()).not.toContain('verified-elsewhere@2026-12-02T04:10');
  });

  it('reads only the window’s date folder, only its stamp, at most once per tick, each file once', async () => {
    const rig = new VerifiedRig('2026-12-02T04:00:00', SHIFT);
    // Another night, and another window of the same night: never looked at.
    write(rig, `2026-12-01/20261201-0200_IUSMM_PC-LAB-1_aaaaaaaa.json`, JSON.stringify(sampleReport()));
    write(rig, `2026-12-02/20261202-1000_IUSMM_PC-LAB-1_bbbbbbbb.json`, JSON.stringify(sampleReport()));
    write(rig, `2026-12-02/${STAMP}IUSMM_PC-X_cccccccc.json`, '{ tronqué');
    await rig.step('2026-12-02T04:00:00');
    expect(rig.fsSeam.listed).toEqual([path.join(rig.share, '2026-12-02')]);
    expect(rig.fsSeam.reads).toEqual([`${STAMP}IUSMM_PC-X_cccccccc.json`]);

    // Same tick again (an unlock, a sync): no second read. 29 s later: still none. 30 s: one listing, no re-read.
    await rig.watcher.refresh();
    rig.at('2026-12-02T04:00:29');
    await rig.watcher.refresh();
    expect(rig.fsSeam.listed).toHaveLength(1);
    await rig.step('2026-12-02T04:00:30');
    expect(rig.fsSeam.listed).toHaveLength(2);
    expect(rig.fsSeam.reads).toHaveLength(1);

    // The report arrives: read once, recorded; then the share is left alone.
    await rig.put({ submittedAt: '2026-12-02T04:00:45-05:00' });
    await rig.step('2026-12-02T04:01:00');
    expect(rig.fsSeam.reads).toHaveLength(2);
    expect(
      rig.store.verified.find(
        'IUSMM',
        rig.clock.now().set({ hour: 2, minute: 0 }),
        rig.clock.now().set({ hour: 4, minute: 0 }),
      ),
    ).not.toBeNull();
    await rig.stepTo('2026-12-02T09:00:00');
    expect(rig.fsSeam.listed).toHaveLength(3);
  });

  it('ignores hostile files with a logged reason, and never trusts them', async () => {
    const rig = new VerifiedRig('2026-12-02T04:00:00', SHIFT);
    const day = '2026-12-02';
    const valid = (o: Parameters<typeof sampleReport>[0]) =>
      JSON.stringify(sampleReport({ workstation: 'PC-LAB-1', ...o }));
    write(rig, `${day}/${STAMP}a-malformed.json`, '{"format":"vigie-report", "version": 1, ');
    write(rig, `${day}/${STAMP}b-foreign.json`, JSON.stringify({ hello: 'world' }));
    write(rig, `${day}/${STAMP}c-version.json`, JSON.stringify({ ...sampleReport(), version: 2 }));
    write(rig, `${day}/${STAMP}d-schema.json`, JSON.stringify({ ...sampleReport(), workstation: '' }));
    write(rig, `${day}/${STAMP}e-big.json`, Buffer.alloc(3 * 1024 * 1024, 0x20));
    write(rig, `${day}/${STAMP}f-other-site.json`, valid({ site: 'HMR' }));
    write(rig, `${day}/${STAMP}g-other-service.json`, valid({ services: ['Pharmacie'] }));
    write(
      rig,
      `${day}/${STAMP}h-other-window.json`,
      valid({ window: { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T05:00:00-05:00' } }),
    );
    write(rig, `${day}/${STAMP}i-before.json`, valid({ submittedAt: '2026-12-02T01:00:00-05:00' }));
    write(rig, `${day}/${STAMP}j-me.json`, valid({ workstation: 'PC-CHAMBRE-2', userAccount: 'soins.4e' }));
    write(rig, `${day}/.${STAMP}k.json.tmp-1234`, valid({}));
    fs.mkdirSync(path.join(rig.share, day, `${STAMP}l-folder.json`));
    const elsewhere = write(rig, 'ailleurs/report.json', valid({}));
    fs.symlinkSync(elsewhere, path.join(rig.share, day, `${STAMP}m-link.json`));

    await rig.stepTo('2026-12-02T09:00:00');
    expect(
      rig.store.verified.find('IUSMM', rig.clock.now().set({ hour: 2 }), rig.clock.now().set({ hour: 4 })),
    ).toBeNull();
    expect(rig.summary()).toContain('checklist@2026-12-02T08:00');
    const ignored = rig.warnings.filter((w) => w.message === 'verified: report file ignored').map((w) => w.data?.file);
    expect(ignored.sort()).toEqual([
      `${STAMP}a-malformed.json`,
      `${STAMP}b-foreign.json`,
      `${STAMP}c-version.json`,
      `${STAMP}d-schema.json`,
      `${STAMP}e-big.json`,
    ]);
    const reasons = rig.warnings.map((w) => String(w.data?.reason));
    expect(reasons).toContain('Fichier trop volumineux pour un rapport.');
    expect(reasons.some((r) => r.startsWith('Version de rapport non prise en charge'))).toBe(true);
    // Judged once each, whatever the number of ticks; the temp file, the folder and the link are never opened.
    expect(rig.fsSeam.reads).toHaveLength(10);
    expect(rig.fsSeam.reads.some((f) => /k\.json|l-folder|m-link/.test(f))).toBe(false);
  });

  it('a folder that cannot be read is logged and tried again at the next tick, never a crash', async () => {
    const rig = new VerifiedRig('2026-12-02T04:00:00', SHIFT);
    write(rig, '2026-12-02', 'un fichier à la place du dossier');
    await rig.step('2026-12-02T04:00:00');
    expect(rig.warnings.map((w) => w.message)).toEqual(['verified: reports folder not read']);
    await rig.step('2026-12-02T04:00:30');
    expect(rig.fsSeam.listed).toHaveLength(2);
  });
});
