/** A results folder as IT finds it on the share: good reports, and everything else people and crashes leave. */
import fs from 'node:fs';
import path from 'node:path';
import { importInventory } from '../../../electron/core/inventory/import';
import type { Inventory } from '../../../shared/inventory/model';
import type { VerificationReport } from '../../../shared/reports/types';
import { sampleReport, tempDir } from './helpers';

export const INVENTORY_CSV = [
  'Direction;Site;Service;Application;Plage de maintenance;Commentaire',
  'DSP;IUSMM;Laboratoire;Cobas IT;1er mercredi 2h-4h;',
  'DSP;IUSMM;Laboratoire;GestLab;1er mercredi 2h-4h;',
  'DSP;IUSMM;Pharmacie;GespharX IUSMM;1er mercredi 2h-4h;',
  'DST;IUSMM;Nutrition;Nutritek;1er mercredi 2h-4h;',
  'DST;IUSMM;Nutrition;WinVision IUSMM;1er mercredi 2h-4h;',
  'DSP;IUSMM;Archives;eClinibase;Pas touché;',
  '',
].join('\r\n');

export async function inventory(): Promise<Inventory> {
  const r = await importInventory(new TextEncoder().encode(INVENTORY_CSV), 'inventaire.csv');
  if (!r.ok) throw new Error('fixture inventory');
  return r.inventory;
}

export interface Fixture {
  dir: string;
  lab1: VerificationReport;
  lab2: VerificationReport;
  pharma: VerificationReport;
  november: VerificationReport;
}

function put(dir: string, rel: string, content: string | object): void {
  const file = path.join(dir, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

export function resultsFolder(): Fixture {
  const dir = tempDir('vigie-results-');
  const lab1 = sampleReport({ workstation: 'PC-LAB-1', initials: 'MT' });
  const lab2 = sampleReport({
    workstation: 'PC-LAB-2',
    initials: 'JB',
    submittedAt: '2026-12-02T08:05:00-05:00',
    items: [
      {
        application: 'Cobas IT',
        service: 'Laboratoire',
        checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
      },
      {
        application: 'GestLab',
        service: 'Laboratoire',
        checks: [{ id: 'starts', result: 'problem', comment: 'Lent', restart: 'fixed', contactAdvised: null }],
      },
    ],
  });
  const pharma = sampleReport({
    workstation: 'PC-PHARMA-1',
    services: ['Pharmacie'],
    items: [
      {
        application: 'GespharX IUSMM',
        service: 'Pharmacie',
        checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
      },
    ],
  });
  const november = sampleReport({
    workstation: 'PC-LAB-1',
    window: { start: '2026-11-04T02:00:00-05:00', end: '2026-11-04T04:00:00-05:00' },
    submittedAt: '2026-11-04T04:30:00-05:00',
  });
  put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_aaaaaaaa.json', lab1);
  put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-2_bbbbbbbb.json', lab2);
  put(dir, '2026-12-02/20261202-0200_IUSMM_PC-PHARMA-1_cccccccc.json', pharma);
  put(dir, '2026-11-04/20261104-0200_IUSMM_PC-LAB-1_dddddddd.json', november);
  // What else ends up on a share:
  put(dir, '2026-12-02/copie de rapport.json', lab1); // a copy made by hand
  put(dir, '2026-12-02/tronque.json', '{"format":"vigie-report","version":1,"reportId":');
  put(dir, '2026-12-02/autre.json', { hello: 'world' });
  put(dir, '2026-12-02/futur.json', { ...lab1, version: 2 });
  put(dir, '2026-12-02/incomplet.json', { ...lab1, items: undefined });
  put(dir, '2026-12-02/.20261202-0200_IUSMM_PC-X_eeeeeeee.json.tmp-0a1b2c', '{"format":"vig');
  put(dir, 'lisez-moi.txt', 'Dossier des rapports Vigie');
  put(dir, '2026-12-02/Thumbs.db', 'binary');
  fs.mkdirSync(path.join(dir, 'vide'));
  return { dir, lab1, lab2, pharma, november };
}
