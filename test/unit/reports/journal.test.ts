/** The report journal (reports/journal.ts): real files in a temp data folder, a real SQLite store. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/clock';
import { REPORT_OUTBOX_KIND, ReportDelivery } from '../../../electron/core/reports/delivery';
import { JOURNAL_FOLDER, ReportJournal } from '../../../electron/core/reports/journal';
import { ReportWriter } from '../../../electron/core/reports/writer';
import { openStore, type Store } from '../../../electron/core/store';
import { memoryLog, sampleReport, tempDir } from './helpers';

let clock: ManualClock;
let dataDir: string;
let store: Store;
let journal: ReportJournal;

beforeEach(() => {
  clock = new ManualClock('2026-12-02T04:30:00');
  dataDir = tempDir('vigie-journal-');
  store = openStore({ dir: dataDir, clock });
  journal = new ReportJournal(dataDir, memoryLog());
});
afterEach(() => store.close());

const journalFiles = () => (fs.existsSync(journal.dir) ? fs.readdirSync(journal.dir).sort() : []);

describe('ReportJournal', () => {
  it('keeps a copy of a committed report until the share has it, then removes it', async () => {
    const share = tempDir('vigie-journal-share-');
    const delivery = new ReportDelivery({
      outbox: store.outbox,
      clock,
      writer: new ReportWriter(),
      folder: () => share,
      log: memoryLog(),
      journal,
    });
    const report = sampleReport();
    delivery.enqueue(report);
    delivery.committed(report);
    expect(journalFiles()).toEqual([`${report.reportId}.json`]);
    expect(JSON.parse(fs.readFileSync(path.join(journal.dir, `${report.reportId}.json`), 'utf8'))).toEqual(report);
    expect(await delivery.deliverDue()).toMatchObject({ delivered: 1 });
    expect(journalFiles()).toEqual([]);
    expect(path.basename(journal.dir)).toBe(JOURNAL_FOLDER);
  });

  it('reconcile: queues again what the database lost, clears what it delivered, keeps what is still queued', () => {
    const lost = sampleReport();
    const delivered = sampleReport();
    const waiting = sampleReport();
    for (const r of [lost, delivered, waiting]) journal.save(r);
    store.outbox.markDelivered(store.outbox.enqueue(REPORT_OUTBOX_KIND, delivered).id);
    store.outbox.enqueue(REPORT_OUTBOX_KIND, waiting);

    const result = journal.reconcile(store, REPORT_OUTBOX_KIND);
    expect(result).toEqual({ restored: 1, resubmitted: 0, cleared: 1, rejected: 0 });
    expect(store.outbox.findByReportId(REPORT_OUTBOX_KIND, lost.reportId)?.payload).toEqual(lost);
    expect(journalFiles()).toEqual([`${lost.reportId}.json`, `${waiting.reportId}.json`].sort());
    // A second start finds nothing more to do: no report is queued twice.
    expect(journal.reconcile(store, REPORT_OUTBOX_KIND)).toEqual({
      restored: 0,
      resubmitted: 0,
      cleared: 0,
      rejected: 0,
    });
    expect(store.outbox.pendingCount()).toBe(2);
  });

  it('sets aside a file that is not a valid report (renamed, kept), and one whose name is not its report id', () => {
    fs.mkdirSync(journal.dir, { recursive: true });
    const report = sampleReport();
    fs.writeFileSync(path.join(journal.dir, `${report.reportId}.json`), '{"format": "vigie-report", "vers');
    const other = sampleReport();
    fs.writeFileSync(path.join(journal.dir, `${sampleReport().reportId}.json`), JSON.stringify(other));
    expect(journal.reconcile(store, REPORT_OUTBOX_KIND)).toMatchObject({ restored: 0, rejected: 2 });
    expect(journalFiles().every((f) => f.endsWith('.json.rejete'))).toBe(true);
    expect(store.outbox.pendingCount()).toBe(0);
  });

  it('a poison outbox row does not stop reconcile from finding the others', () => {
    const report = sampleReport();
    journal.save(report);
    const poison = store.outbox.enqueue(REPORT_OUTBOX_KIND, {});
    store.db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run('pas du JSON', poison.id);
    store.outbox.enqueue(REPORT_OUTBOX_KIND, report);
    expect(journal.reconcile(store, REPORT_OUTBOX_KIND)).toMatchObject({ restored: 0, rejected: 0 });
    expect(store.outbox.pendingCount()).toBe(2);
  });
});
