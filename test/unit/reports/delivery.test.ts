import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/clock';
import {
  REPORT_OUTBOX_KIND,
  ReportDelivery,
  reportBackoffMs,
  submitWithReport,
} from '../../../electron/core/reports/delivery';
import { ReportWriter } from '../../../electron/core/reports/writer';
import { openStore, type Store } from '../../../electron/core/store';
import type { VerificationReport } from '../../../shared/reports/types';
import { listFiles, memoryLog, sampleReport, tempDir } from './helpers';

const ZONE = 'America/Toronto';
let clock: ManualClock;
let storeDir: string;
let store: Store;
let share: string;
let away: string;

beforeEach(() => {
  clock = new ManualClock('2026-12-02T04:30:00', ZONE);
  storeDir = tempDir('vigie-reports-store-');
  store = openStore({ dir: storeDir, clock });
  const root = tempDir('vigie-reports-share-');
  share = path.join(root, 'rapports');
  away = path.join(root, 'rapports-hors-ligne');
  fs.mkdirSync(share);
});
afterEach(() => store.close());

function delivery(options: { writer?: Pick<ReportWriter, 'write'>; folder?: () => string | null; s?: Store } = {}) {
  const log = memoryLog();
  const d = new ReportDelivery({
    outbox: (options.s ?? store).outbox,
    clock,
    writer: options.writer ?? new ReportWriter(),
    folder: options.folder ?? (() => share),
    log,
    random: () => 0.5, // no jitter: delays are exact
  });
  return Object.assign(d, { log });
}

const reportIdsOnShare = () =>
  listFiles(share).map(
    (f) => (JSON.parse(fs.readFileSync(path.join(share, f), 'utf8')) as VerificationReport).reportId,
  );

describe('reportBackoffMs', () => {
  it('doubles from one minute up to one hour, with ±20 % jitter', () => {
    const mid = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => reportBackoffMs(n, () => 0.5) / 60_000);
    expect(mid).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(reportBackoffMs(1, () => 0)).toBe(48_000);
    expect(reportBackoffMs(1, () => 1)).toBe(72_000);
  });
});

describe('ReportDelivery', () => {
  it('delivers a queued report and counts nothing pending afterwards', async () => {
    const d = delivery();
    const report = sampleReport();
    d.enqueue(report);
    expect(d.pending()).toBe(1);
    const round = await d.deliverDue();
    expect(round).toMatchObject({ delivered: 1, failed: 0, pending: 0, lastError: null, idle: null });
    expect(reportIdsOnShare()).toEqual([report.reportId]);
    expect(d.pending()).toBe(0);
  });

  it('refuses to queue something that is not a valid report', () => {
    const d = delivery();
    expect(() => d.enqueue({ ...sampleReport(), version: 2 } as unknown as VerificationReport)).toThrow();
    expect(d.pending()).toBe(0);
  });

  it('keeps reports while the share is unreachable and retries with growing delays until it is back', async () => {
    const d = delivery();
    const report = sampleReport();
    d.enqueue(report);
    fs.renameSync(share, away); // the share disappears

    const first = await d.deliverDue();
    expect(first).toMatchObject({ delivered: 0, failed: 1, pending: 1 });
    expect(first.lastError).toMatch(/Dossier des rapports introuvable/);
    expect(d.lastError()).toBe(first.lastError);
    const entry = () => store.outbox.due(clock.now().plus({ days: 1 }))[0]!;
    expect(entry().attempts).toBe(1);
    expect(entry().nextAttemptAt).toBe('2026-12-02T09:31:00.000Z'); // +1 min

    // Not due yet: nothing is tried.
    clock.advance({ seconds: 59 });
    expect(await d.deliverDue()).toMatchObject({ delivered: 0, failed: 0, pending: 1 });

    clock.advance({ seconds: 1 });
    expect(await d.deliverDue()).toMatchObject({ failed: 1 });
    expect(entry().attempts).toBe(2);
    expect(entry().nextAttemptAt).toBe('2026-12-02T09:33:00.000Z'); // +2 min

    clock.advance({ minutes: 2 });
    expect(await d.deliverDue()).toMatchObject({ failed: 1 });
    expect(entry().nextAttemptAt).toBe('2026-12-02T09:37:00.000Z'); // +4 min

    fs.renameSync(away, share); // back
    clock.advance({ minutes: 3 });
    expect(await d.deliverDue()).toMatchObject({ delivered: 0, pending: 1 });
    clock.advance({ minutes: 1 });
    expect(await d.deliverDue()).toMatchObject({ delivered: 1, failed: 0, pending: 0 });
    expect(reportIdsOnShare()).toEqual([report.reportId]);
    expect(d.lastError()).toBeNull();
    expect(d.log.lines.filter((l) => l.level === 'warn')).toHaveLength(3);
  });

  it('when the share is down, tries one report and defers the others without waiting on each', async () => {
    let writes = 0;
    const real = new ReportWriter();
    const d = delivery({ writer: { write: (f, r, o) => (writes++, real.write(f, r, o)) } });
    for (let i = 0; i < 3; i++) d.enqueue(sampleReport());
    fs.renameSync(share, away);
    expect(await d.deliverDue()).toMatchObject({ delivered: 0, failed: 3, pending: 3 });
    expect(writes).toBe(1);
    fs.renameSync(away, share);
    clock.advance({ minutes: 1 });
    expect(await d.deliverDue()).toMatchObject({ delivered: 3, pending: 0 });
    expect(listFiles(share)).toHaveLength(3);
  });

  it('a failure of one report (not of the share) does not hold the others back', async () => {
    const real = new ReportWriter();
    const bad = sampleReport({ workstation: 'BAD' });
    const d = delivery({
      writer: {
        write: (f, r, o) =>
          r.workstation === 'BAD'
            ? Promise.reject(Object.assign(new Error('Le rapport n’a pas pu être renommé'), { code: 'EIO' }))
            : real.write(f, r, o),
      },
    });
    d.enqueue(bad);
    d.enqueue(sampleReport());
    expect(await d.deliverDue()).toMatchObject({ delivered: 1, failed: 1, pending: 1 });
  });

  it('a crash between the rename and "delivered" never yields a second file', async () => {
    const report = sampleReport();
    const real = new ReportWriter();
    // The file lands on the share, then the process dies before the outbox is updated.
    const crashing = delivery({
      writer: {
        async write(f, r, o) {
          const outcome = await real.write(f, r, o);
          store.close();
          return outcome;
        },
      },
    });
    crashing.enqueue(report);
    const round = await crashing.deliverDue();
    expect(round.delivered).toBe(0);
    expect(listFiles(share)).toHaveLength(1);

    // Restart: the outbox still holds the report, due now.
    store = openStore({ dir: storeDir, clock });
    const restarted = delivery();
    expect(restarted.pending()).toBe(1);
    expect(await restarted.deliverDue()).toMatchObject({ delivered: 1, pending: 0 });
    expect(reportIdsOnShare()).toEqual([report.reportId]);
    expect(restarted.log.lines.find((l) => l.message === 'reports: delivered')?.data).toMatchObject({
      alreadyThere: true,
    });
  });

  it('waits, without counting failures, while no reports folder is configured', async () => {
    let folder: string | null = null;
    const d = delivery({ folder: () => folder });
    d.enqueue(sampleReport());
    expect(await d.deliverDue()).toMatchObject({ delivered: 0, failed: 0, pending: 1, idle: 'no-folder' });
    expect(store.outbox.due(clock.now())[0]?.attempts).toBe(0);
    folder = share;
    expect(await d.deliverDue()).toMatchObject({ delivered: 1, pending: 0, idle: null });
  });

  it('concurrent ticks share one round (a report is never written twice at once)', async () => {
    let writes = 0;
    const real = new ReportWriter();
    const d = delivery({ writer: { write: (f, r, o) => (writes++, real.write(f, r, o)) } });
    d.enqueue(sampleReport());
    const [a, b] = await Promise.all([d.deliverDue(), d.deliverDue()]);
    expect(a).toBe(b);
    expect(writes).toBe(1);
  });

  it('sets a non-conforming outbox entry aside for good (kept, counted, logged) and still delivers the rest', async () => {
    const d = delivery();
    const bad = store.outbox.enqueue(REPORT_OUTBOX_KIND, { format: 'vigie-report', version: 1, garbage: true });
    d.enqueue(sampleReport());
    expect(await d.deliverDue()).toMatchObject({ delivered: 1, failed: 0, setAside: 1, pending: 0 });
    expect(store.outbox.due(clock.now().plus({ days: 30 }))).toHaveLength(0);
    expect(store.outbox.setAsideCount()).toBe(1);
    expect(d.setAside()).toBe(1);
    const kept = store.outbox.get(bad.id);
    expect(kept?.payload).toMatchObject({ garbage: true });
    expect(kept?.lastError).toMatch(/Mis de côté : rapport non conforme/);
    expect(d.log.lines.some((l) => l.level === 'error' && /set aside/.test(l.message))).toBe(true);
  });

  it('a row whose payload is not JSON neither blocks the round nor throws: set aside, the others delivered', async () => {
    const d = delivery();
    d.enqueue(sampleReport());
    const poison = store.outbox.enqueue(REPORT_OUTBOX_KIND, { placeholder: true });
    store.db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run('{"format": "vigie-rep', poison.id);
    d.enqueue(sampleReport());
    const round = await d.deliverDue();
    expect(round).toMatchObject({ delivered: 2, setAside: 1, pending: 0, lastError: null });
    const kept = store.outbox.get(poison.id);
    expect(kept).toMatchObject({ unreadable: true, payload: null, deliveredAt: null });
    expect(kept?.setAsideAt).not.toBeNull();
    expect(
      (store.db.prepare('SELECT payload FROM outbox WHERE id = ?').get(poison.id) as { payload: string }).payload,
    ).toBe('{"format": "vigie-rep');
    expect((await d.deliverDue()).setAside).toBe(0);
  });

  it('never rejects, even when the local database fails', async () => {
    const d = delivery();
    d.enqueue(sampleReport());
    store.close();
    const round = await d.deliverDue();
    expect(round.lastError).toMatch(/File d’attente locale indisponible/);
  });
});

describe('submitWithReport', () => {
  function openRun() {
    const start = DateTime.fromISO('2026-12-02T02:00', { zone: ZONE });
    const run = store.checklists.createRun({
      windowStart: start,
      windowEnd: start.plus({ hours: 2 }),
      site: 'IUSMM',
      services: ['Laboratoire'],
      items: [{ application: 'Cobas IT', service: 'Laboratoire', checkId: 'starts' }],
    });
    store.checklists.setResult(run.id, 'Cobas IT', 'starts', 'ok');
    return run;
  }
  const ctx = () => ({ workstation: 'HMR-LAB-0042', userAccount: 'soins', appVersion: '0.1.0', now: clock.now() });

  it('submits the checklist and queues its report in one transaction', async () => {
    const run = openRun();
    const d = delivery();
    const report = submitWithReport(store, d, run.id, 'MT', ctx());
    expect(report?.reportId).toBe(run.id);
    expect(store.checklists.getRun(run.id)?.status).toBe('submitted');
    expect(d.pending()).toBe(1);
    // A second submission is refused and queues nothing.
    expect(submitWithReport(store, d, run.id, 'XY', ctx())).toBeNull();
    expect(d.pending()).toBe(1);
    await d.deliverDue();
    expect(reportIdsOnShare()).toEqual([run.id]);
  });

  it('rolls the submission back when the report cannot be queued', () => {
    const run = openRun();
    const failing = {
      enqueue: () => {
        throw new Error('disk full');
      },
    };
    expect(() => submitWithReport(store, failing, run.id, 'MT', ctx())).toThrow('disk full');
    expect(store.checklists.getRun(run.id)?.status).toBe('open');
    expect(store.outbox.pendingCount()).toBe(0);
  });
});
