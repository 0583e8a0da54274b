/**
 * A large synthetic inventory for the benchmarks: many sites and services, the seed guide's rule forms (monthly
 * "1er mercredi 2h-4h", "3e mercredi", offsets, across midnight, dated windows) plus its statuses ("À venir",
 * "Pas touché…"), and text as people type it (accents, commas, quotes). Deterministic (seeded).
 */
import ExcelJS from 'exceljs';

const HEADER = ['Direction', 'Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire'];

const RULES = [
  '1er mercredi 2h-4h',
  '3e mercredi 2h-4h',
  '1er mercredi 2h-4h',
  '2e mardi 22h-2h',
  '2e mardi + 1 jour 2h-4h',
  '1er jeudi 0h-6h',
  'dernier dimanche 1h30-3h15',
  '1er et 3e mercredi 2h-4h',
  '4e vendredi 23h30-0h30',
  '13 janvier 2027 2h-4h',
  'dernier mercredi 2h-4h',
];
const STATUSES = [
  'À venir (voir commentaire)',
  'Pas touché',
  "Pas touché pour l'instant (serveur de Logibec)",
  'Pas touché (hébergé chez le fournisseur).',
  "Pas touché (version de Windows trop ancienne, il n'y a plus de mise à jour).",
];
const SERVICES = [
  'Urgence', 'Archives', 'Bloc opératoire', 'Imagerie', 'Laboratoire', 'Pharmacie', 'Nutrition', 'Soins intensifs',
  'Médecine interne', 'Chirurgie', 'Pédiatrie', 'Obstétrique', 'Psychiatrie', 'Gériatrie', 'Oncologie', 'Cardiologie',
  'Néphrologie', 'Hémodialyse', 'Inhalothérapie', 'Physiothérapie', 'Radio-oncologie', 'Admission', 'Cliniques externes',
  'Santé mentale jeunesse', 'Soins palliatifs',
]; // prettier-ignore
const DIRECTIONS = ['DSP', 'DSI', 'DST', 'DSM', 'DRHCAJ'];
const COMMENTS = [
  '',
  "L'interface pour le transfert des données doit être redémarrée manuellement.",
  'Sur un serveur de HMR, sera fait le 3e mercredi du mois de 2h à 4h, au lieu de la plage du 1er mercredi.',
  'Le serveur de base de données héberge des applications autres que cliniques; "à confirmer".',
  '',
];

/** Small deterministic PRNG (mulberry32): the same bytes on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedInventory {
  rows: string[][];
  sites: number;
  /** Distinct (site, service) pairs. */
  profiles: { site: string; services: string[] }[];
}

export function generateInventory(count: number, seed = 42): GeneratedInventory {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const siteCount = Math.max(4, Math.round(count / 500));
  const sites = Array.from({ length: siteCount }, (_, i) => `Site ${String(i + 1).padStart(3, '0')} — Hôpital`);
  const rows: string[][] = [];
  const pairs = new Map<string, Set<string>>();
  for (let i = 0; i < count; i++) {
    const site = sites[i % siteCount] as string;
    const service = pick(SERVICES);
    const schedule = random() < 0.75 ? pick(RULES) : pick(STATUSES);
    rows.push([pick(DIRECTIONS), site, service, `Application ${i + 1} (${service})`, schedule, pick(COMMENTS)]);
    const set = pairs.get(site) ?? new Set<string>();
    set.add(service);
    pairs.set(site, set);
  }
  const profiles = [...pairs].flatMap(([site, services]) => [...services].map((s) => ({ site, services: [s] })));
  return { rows, sites: siteCount, profiles };
}

function csvCell(v: string): string {
  return /[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** As French Excel saves "CSV UTF-8": BOM, ';', CRLF. */
export function toCsvBytes(rows: readonly string[][]): Uint8Array {
  const text = '\uFEFF' + [HEADER, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(text);
}

export async function toXlsxBytes(rows: readonly string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Liste des applications');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
