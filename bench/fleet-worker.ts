/**
 * One worker thread of `bench fleet`: simulates several workstations, each with its own SQLite outbox, submitting
 * a checklist and delivering its report through the real ReportWriter/ReportDelivery path, all concurrently.
 * "Flaky" workstations reach the share through a link that appears only after a while (share unreachable).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { DateTime } from 'luxon';
import { SystemClock } from '../electron/core/clock';
import { openStore, silentLogger } from '../electron/core/store';
import { ReportDelivery, submitWithReport } from '../electron/core/reports/delivery';
import { ReportWriter } from '../electron/core/reports/writer';
import { DEFAULT_ZONE } from '../shared/schedule/zone';

export interface FleetWorkerData {
  ids: number[];
  results: string;
  stores: string;
  links: string;
  /** Every n-th workstation reaches the share through a link that appears late. */
  flakyEvery: number;
  deadlineMs: number;
}

export interface FleetWorkerResult {
  written: number;
  failures: number;
  reportIds: string[];
  undelivered: number;
}

const data = workerData as FleetWorkerData;
const port = parentPort;
if (!port) throw new Error('fleet-worker: run as a worker thread');

const SITES = ['IUSMM', 'HMR', 'HSCO', 'CHSLD Nicolet', 'Pavillon Rosemont'];
const SERVICES = ['Laboratoire', 'Pharmacie', 'Nutrition', 'Urgence', 'Imagerie', 'Bloc opératoire'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function workstation(id: number, go: Promise<void>): Promise<FleetWorkerResult> {
  const clock = new SystemClock();
  const store = openStore({ dir: path.join(data.stores, `ws-${id}`), clock });
  const flaky = id % data.flakyEvery === 0;
  const link = path.join(data.links, `ws-${id}`);
  const folder = flaky ? link : data.results;
  const delivery = new ReportDelivery({
    outbox: store.outbox,
    clock,
    writer: new ReportWriter(),
    folder: () => folder,
    log: silentLogger,
    // The real schedule is 1 min doubling to 1 h; compressed so the benchmark runs in seconds.
    backoffMs: (n, random) => Math.min(800, 40 * 2 ** (n - 1)) * (0.8 + 0.4 * random()),
  });
  try {
    const site = SITES[id % SITES.length] as string;
    const service = SERVICES[id % SERVICES.length] as string;
    const start = DateTime.fromISO('2026-12-02T02:00', { zone: DEFAULT_ZONE });
    const apps = ['Cobas IT', 'GestLab', 'Unity Real Time'];
    const run = store.checklists.createRun({
      windowStart: start,
      windowEnd: start.plus({ hours: 2 }),
      site,
      services: [service],
      items: apps.flatMap((application) => [
        { application, service, checkId: 'starts' as const },
        { application, service, checkId: 'transfers' as const },
      ]),
    });
    for (const app of apps) {
      const problem = app === 'GestLab' && id % 7 === 0;
      store.checklists.setResult(run.id, app, 'starts', problem ? 'problem' : 'ok', problem ? 'Écran gris' : '');
      store.checklists.setResult(run.id, app, 'transfers', 'ok');
      if (problem) {
        store.checklists.setRestart(run.id, app, 'starts', id % 2 ? 'fixed' : 'not-fixed');
        store.checklists.setContact(run.id, app, 'starts', { name: 'CDA', phone: '3050', url: null, note: null });
      }
    }
    const report = submitWithReport(store, delivery, run.id, `W${id}`, {
      workstation: `PC-${String(id).padStart(5, '0')}`,
      userAccount: 'soins',
      appVersion: '0.1.0-bench',
      now: clock.now(),
    });
    if (!report) throw new Error(`workstation ${id}: submit failed`);

    await go;
    if (flaky) {
      // The share comes back for this PC after a while.
      setTimeout(
        () => fs.symlinkSync(data.results, link, process.platform === 'win32' ? 'junction' : 'dir'),
        200 + Math.random() * 1300,
      );
    }
    const result: FleetWorkerResult = { written: 0, failures: 0, reportIds: [report.reportId], undelivered: 0 };
    const deadline = Date.now() + data.deadlineMs;
    while (delivery.pending() > 0 && Date.now() < deadline) {
      const round = await delivery.deliverDue();
      result.written += round.delivered;
      result.failures += round.failed;
      if (round.pending > 0) await sleep(20 + Math.random() * 40);
    }
    result.undelivered = delivery.pending();
    return result;
  } finally {
    store.close();
  }
}

let release: () => void = () => undefined;
const go = new Promise<void>((resolve) => (release = resolve));
port.on('message', (m: unknown) => {
  if (m === 'go') release();
});
const all = Promise.all(data.ids.map((id) => workstation(id, go)));
port.postMessage({ type: 'ready' });
const results = await all;
port.postMessage({
  type: 'done',
  result: results.reduce<FleetWorkerResult>(
    (acc, r) => ({
      written: acc.written + r.written,
      failures: acc.failures + r.failures,
      reportIds: [...acc.reportIds, ...r.reportIds],
      undelivered: acc.undelivered + r.undelivered,
    }),
    { written: 0, failures: 0, reportIds: [], undelivered: 0 },
  ),
});
