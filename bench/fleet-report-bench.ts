/**
 * `bench fleet-report` (issue 11): writes `workstations × windows` valid report files in Vigie's layout
 * (shared/reports/types.ts, names.ts) — a few of them suspect: a file name that names another PC, a PC missing
 * from the Postes table, a site the Postes table contradicts, a second report of one PC and window — plus an
 * inventory (JSON, weekly windows, a Postes table), then runs fleet-report-child.ts in a fresh plain-node process
 * and prints its figures. Targets: `ms` ≤ 2 × `rawReadMs`, `rssMb` ≤ 300.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { reportDayFolder, reportFileName } from '../electron/core/reports/names';
import type { VerificationReport } from '../shared/reports/types';
import { bundleEntry, runNode } from './bundle';
import { DEFAULT_ZONE } from '../shared/schedule/zone';

export const FLEET_REPORT_TARGETS = { ratio: 2, rssMb: 300 } as const;
const CHILD = fileURLToPath(new URL('./fleet-report-child.ts', import.meta.url));
const SITES = 10;
const SERVICES = ['Urgence', 'Laboratoire', 'Pharmacie', 'Imagerie', 'Nutrition', 'Archives', 'Chirurgie', 'Pédiatrie', 'Gériatrie', 'Oncologie']; // prettier-ignore
/** The first window: a Wednesday; the others follow weekly. */
const FIRST = DateTime.fromISO('2026-09-02T02:00', { zone: DEFAULT_ZONE });

export interface FleetReportFigures {
  files: number;
  ms: number;
  rawReadMs: number;
  rssMb: number;
}

export interface FleetReportDetails {
  planted: Record<'fileName' | 'unknown' | 'siteMismatch' | 'duplicate', number>;
  totals: Record<string, number>;
  bytes: number;
}

const site = (i: number) => `Site ${String(i + 1).padStart(2, '0')}`;
const code = (s: number, v: number) =>
  `S${String(s + 1).padStart(2, '0')}-${(SERVICES[v] as string).slice(0, 3).toUpperCase()}`;

export function inventoryJson(): object {
  const applications = [];
  const hosts = [];
  for (let s = 0; s < SITES; s++) {
    for (let v = 0; v < SERVICES.length; v++) {
      const service = SERVICES[v] as string;
      for (const app of [`${service} Web`, `Dossier ${service}`]) {
        applications.push({ site: site(s), service, application: app, schedule: 'tous les mercredis 2h-4h' });
      }
      hosts.push({ pattern: `${code(s, v)}-*`, site: site(s), services: [service] });
    }
  }
  return { format: 'vigie-inventory', version: 1, publishedAt: null, applications, hosts };
}

function report(ws: string, s: number, v: number, start: DateTime, n: number, lateBy = 0): VerificationReport {
  const service = SERVICES[v] as string;
  const submitted = start.plus({ hours: 3, minutes: (n % 50) + lateBy }).toISO() as string;
  const problem = n % 17 === 0;
  return {
    format: 'vigie-report',
    version: 1,
    reportId: randomUUID(),
    workstation: ws,
    userAccount: `soins.${service.slice(0, 3).toLowerCase()}`,
    initials: `P${n % 97}`,
    site: site(s),
    services: [service],
    window: { start: start.toISO() as string, end: start.plus({ hours: 2 }).toISO() as string },
    submittedAt: submitted,
    createdAt: submitted,
    appVersion: '0.1.0',
    items: [
      {
        application: `${service} Web`,
        service,
        checks: [
          { id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null },
          { id: 'transfers', result: 'ok', comment: '', restart: null, contactAdvised: null },
        ],
      },
      {
        application: `Dossier ${service}`,
        service,
        checks: [
          problem
            ? {
                id: 'starts',
                result: 'problem',
                comment: 'Écran gris au démarrage, relancé sans effet',
                restart: 'not-fixed',
                contactAdvised: { name: 'CDA', phone: '3050', url: null },
              }
            : { id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null },
        ],
      },
    ],
  };
}

export function writeResults(
  dir: string,
  workstations: number,
  windows: number,
): FleetReportDetails['planted'] & { files: number; bytes: number } {
  const planted = { fileName: 0, unknown: 0, siteMismatch: 0, duplicate: 0 };
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  const put = (r: VerificationReport, nameAs: VerificationReport = r) => {
    const folder = path.join(dir, reportDayFolder(nameAs, DEFAULT_ZONE));
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    const text = JSON.stringify(r, null, 2);
    fs.writeFileSync(path.join(folder, reportFileName(nameAs, DEFAULT_ZONE)), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  let n = 0;
  for (let w = 0; w < windows; w++) {
    const start = FIRST.plus({ weeks: w });
    for (let i = 0; i < workstations; i++, n++) {
      const s = i % SITES;
      const v = Math.floor(i / SITES) % SERVICES.length;
      let ws = `${code(s, v)}-${String(i).padStart(5, '0')}`;
      if (n % 1000 === 7) {
        ws = `INCONNU-${i}`;
        planted.unknown++;
      }
      const r = report(ws, s, v, start, n);
      if (n % 1000 === 3) {
        r.site = site((s + 1) % SITES);
        planted.siteMismatch++;
      }
      if (n % 1000 === 5) {
        put(r, { ...r, workstation: `${code(s, v)}-AUTRE` });
        planted.fileName++;
      } else put(r);
      if (n % 1000 === 9) {
        put(report(ws, s, v, start, n, 30));
        planted.duplicate++;
      }
    }
  }
  return { ...planted, files, bytes };
}

export async function runFleetReportBench(
  workstations: number,
  windows: number,
  runs: number,
): Promise<{ figures: FleetReportFigures; details: FleetReportDetails }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-fleet-report-'));
  try {
    const results = path.join(dir, 'rapports');
    const out = path.join(dir, 'sortie');
    fs.mkdirSync(out);
    const inventory = path.join(dir, 'inventaire.json');
    fs.writeFileSync(inventory, JSON.stringify(inventoryJson()));
    const { files, bytes, ...planted } = writeResults(results, workstations, windows);
    const child = await bundleEntry(CHILD);
    const now = FIRST.plus({ weeks: windows, days: 1 }).set({ hour: 9 }).toISO() as string;
    const from = FIRST.toISODate() as string;
    const args = [results, inventory, out, from, String(windows * 7), String(runs), now];
    const once = JSON.parse(await runNode(child, ['once', ...args])) as { rssMb: number };
    const got = JSON.parse(await runNode(child, ['pair', ...args])) as {
      rawReadMs: number;
      ms: number;
      totals: Record<string, number>;
    };
    return {
      figures: { files, ms: got.ms, rawReadMs: got.rawReadMs, rssMb: once.rssMb },
      details: { planted, totals: got.totals, bytes },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function fleetReportVerdict(figures: FleetReportFigures, details: FleetReportDetails): string[] {
  const ratio = figures.ms / figures.rawReadMs;
  const t = details.totals;
  return [
    `${figures.files} fichiers (${Math.round(details.bytes / 1024 / 1024)} Mo), rapport ${figures.ms} ms, ` +
      `lecture + JSON.parse seuls ${figures.rawReadMs} ms → ×${ratio.toFixed(2)} ` +
      `(cible ≤ ×${FLEET_REPORT_TARGETS.ratio}) ${ratio <= FLEET_REPORT_TARGETS.ratio ? '✔' : '✘'}`,
    `pic de mémoire ${figures.rssMb} Mo (cible ≤ ${FLEET_REPORT_TARGETS.rssMb}) ${figures.rssMb <= FLEET_REPORT_TARGETS.rssMb ? '✔' : '✘'}`,
    `suspects plantés ${JSON.stringify(details.planted)} ; trouvés : ${t['suspectReports']} rapports suspects ` +
      `(${t['superseded']} remplacés), ${t['suspectWindows']} plages × service non confirmées`,
  ];
}
