/**
 * `bench fleet` (issue 5): N workstations deliver their reports into ONE folder at the same time — worker threads
 * (W workers × N/W workstations each, all concurrent inside a worker), each workstation with its own SQLite
 * outbox — while the share goes away: every fifth PC reaches it through a link that appears late, and the whole
 * folder is renamed away for a moment mid-run. Then the fleet report reads everything back; `lost` must be 0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DateTime } from 'luxon';
import { readResults } from '../electron/core/reports/fleet-read';
import { summarizeFleet } from '../electron/core/reports/fleet';
import { bundleEntry } from './bundle';
import type { FleetWorkerData, FleetWorkerResult } from './fleet-worker';
import { DEFAULT_ZONE } from '../shared/schedule/zone';

export interface FleetFigures {
  workstations: number;
  written: number;
  readBack: number;
  lost: number;
  ms: number;
}

export interface FleetDetails {
  workers: number;
  failures: number;
  undelivered: number;
  duplicates: number;
  tempFilesLeft: number;
  outageMs: number;
  flakyWorkstations: number;
  fleetReportMs: number;
}

const WORKER = fileURLToPath(new URL('./fleet-worker.ts', import.meta.url));
const FLAKY_EVERY = 5;
const OUTAGE_AFTER_MS = 100;
const OUTAGE_MS = 400;
const DEADLINE_MS = 45_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function split(ids: number[], parts: number): number[][] {
  const out: number[][] = Array.from({ length: parts }, () => []);
  ids.forEach((id, i) => out[i % parts]?.push(id));
  return out.filter((p) => p.length > 0);
}

export async function runFleetBench(
  workstations: number,
  workerCount: number,
): Promise<{ figures: FleetFigures; details: FleetDetails }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-fleet-'));
  const results = path.join(root, 'resultats');
  const away = path.join(root, 'resultats-hors-ligne');
  const dirs = { results, stores: path.join(root, 'postes'), links: path.join(root, 'liens') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d);
  const workerFile = await bundleEntry(WORKER);
  const groups = split(
    Array.from({ length: workstations }, (_, i) => i + 1),
    Math.min(workerCount, workstations),
  );
  try {
    const workers = groups.map((ids) => {
      const workerData: FleetWorkerData = { ids, ...dirs, flakyEvery: FLAKY_EVERY, deadlineMs: DEADLINE_MS };
      return new Worker(workerFile, { workerData });
    });
    const ready = workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
          w.once('error', reject);
        }),
    );
    const done = workers.map(
      (w) =>
        new Promise<FleetWorkerResult>((resolve, reject) => {
          w.on(
            'message',
            (m: { type: string; result?: FleetWorkerResult }) =>
              m.type === 'done' && resolve(m.result as FleetWorkerResult),
          );
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`bench: worker exited with ${code}`)));
        }),
    );
    await Promise.all(ready);

    const t0 = performance.now();
    for (const w of workers) w.postMessage('go');
    // A share outage for everyone, while writers are busy.
    await sleep(OUTAGE_AFTER_MS);
    fs.renameSync(results, away);
    await sleep(OUTAGE_MS);
    fs.renameSync(away, results);
    const outcomes = await Promise.all(done);
    await Promise.all(workers.map((w) => w.terminate()));

    const r0 = performance.now();
    const read = await readResults(results);
    const summary = summarizeFleet(read, { now: DateTime.now().setZone(DEFAULT_ZONE), folder: results });
    const fleetReportMs = Math.round(performance.now() - r0);
    const ms = Math.round(performance.now() - t0);

    const expected = new Set(outcomes.flatMap((o) => o.reportIds));
    const found = new Set(read.reports.map((r) => r.reportId));
    const lost = [...expected].filter((id) => !found.has(id)).length;
    return {
      figures: {
        workstations,
        written: outcomes.reduce((n, o) => n + o.written, 0),
        readBack: summary.totals.reports,
        lost,
        ms,
      },
      details: {
        workers: groups.length,
        failures: outcomes.reduce((n, o) => n + o.failures, 0),
        undelivered: outcomes.reduce((n, o) => n + o.undelivered, 0),
        duplicates: read.skipped.filter((s) => s.kind === 'duplicate').length,
        tempFilesLeft: read.skipped.filter((s) => s.kind === 'temp').length,
        outageMs: OUTAGE_MS,
        flakyWorkstations: Math.floor(workstations / FLAKY_EVERY),
        fleetReportMs,
      },
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function fleetVerdict(f: FleetFigures, d: FleetDetails): string[] {
  return [
    `${f.workstations} postes (${d.workers} workers), ${d.flakyWorkstations} avec le partage inaccessible au début, ` +
      `et une panne du partage de ${d.outageMs} ms pour tous`,
    `  Rapports écrits : ${f.written} ; relus par le rapport de parc : ${f.readBack} ; perdus : ${f.lost} ` +
      `(${f.lost === 0 ? 'OK' : 'ÉCHEC'})`,
    `  Échecs de livraison réessayés : ${d.failures} ; non livrés à l’échéance : ${d.undelivered} ; ` +
      `doublons : ${d.duplicates} ; fichiers temporaires laissés par la panne : ${d.tempFilesLeft}`,
    `  Durée totale : ${f.ms} ms (dont lecture + synthèse du parc : ${d.fleetReportMs} ms)`,
  ];
}
