/** Set-up for the side-file sync tests: a share folder with an inventory and services/contacts/postes files. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Logger } from '../../../electron/core/store';
import type { SyncServiceDeps } from '../../../electron/core/sync';
import { ALL_ROWS, csvWithRows, harness, writeFile, type Harness } from './helpers';

export const FIXTURES = path.resolve('test/fixtures/inventory');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

export const SERVICES_2 = 'Site;Service;24/7;Début de quart\r\nIUSMM;Pharmacie;non;07:30, 15:30\r\n';
export const POSTES_2 = 'Poste;Site;Services\r\nIUSMM-LAB-*;IUSMM;"Laboratoire, Pharmacie"\r\n';
export const CONTACTS_2 = 'De;À;Contact;Téléphone\r\n07:00;17:00;Coordonnateur d’activité;4444\r\n';

export interface Logged {
  level: keyof Logger;
  message: string;
  data?: Record<string, unknown>;
}

export interface Share extends Harness {
  share: string;
  /** The configured inventory file. */
  file: string;
  logged: Logged[];
  side(name: string): string;
}

/** A share folder with inventaire.csv (`rows` applications) and the given side files, synced once successfully. */
export async function shareWith(
  sides: Record<string, string | Uint8Array>,
  options: { rows?: number; main?: { name: string; content: Uint8Array }; deps?: Pick<SyncServiceDeps, 'wait'> } = {},
): Promise<Share> {
  const logged: Logged[] = [];
  const log: Logger = {
    info: (message, data) => logged.push({ level: 'info', message, data }),
    warn: (message, data) => logged.push({ level: 'warn', message, data }),
    error: (message, data) => logged.push({ level: 'error', message, data }),
  };
  const h = harness({ log, ...options.deps });
  const share = path.join(h.dir, 'partage');
  fs.mkdirSync(share);
  const main = options.main ?? { name: 'inventaire.csv', content: csvWithRows(options.rows ?? ALL_ROWS - 1) };
  const file = path.join(share, main.name);
  writeFile(file, main.content);
  for (const [name, content] of Object.entries(sides)) writeFile(path.join(share, name), content);
  h.source.value = file;
  expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
  return { ...h, share, file, logged, side: (name) => path.join(share, name) };
}

export function readsSince(h: Harness, before: number): string[] {
  return h.fs.reads.slice(before);
}

export const sidesMeta = (h: Harness) => h.store.inventory.currentVersion()?.meta.sides;

export async function workbookWith(name: string, rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
