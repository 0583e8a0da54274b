import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABORATOIRE_SERVICE, URGENCE_SERVICE } from '../../fixtures/expected';
import { hasSideName, sideKindOfFileName } from '../../../electron/core/sync/side-files';
import { ALL_ROWS, csvWithRows, writeFile, xlsxWithRows } from './helpers';
import {
  CONTACTS_2,
  fixture,
  POSTES_2,
  readsSince,
  SERVICES_2,
  shareWith,
  sidesMeta,
  workbookWith,
} from './side-helpers';

describe('side file names', () => {
  it('services / contacts / postes, .csv or .xlsx, case and accents ignored', () => {
    expect(sideKindOfFileName('Services.csv')).toBe('services');
    expect(sideKindOfFileName('CONTACTS.XLSX')).toBe('contacts');
    expect(sideKindOfFileName('postes.csv')).toBe('hosts');
    expect(sideKindOfFileName('Postés.xlsx')).toBe('hosts');
    for (const other of ['services.json', '~$Services.xlsx', '.services.csv', 'services-2026.csv', 'postes', 'a.csv']) {
      expect(sideKindOfFileName(other)).toBeNull();
    }
    // Never THE inventory of a folder either, nor a copy of one.
    for (const side of ['Services.json', 'services (copie).csv', 'Postes-2026.xlsx', 'contacts.csv']) {
      expect(hasSideName(side)).toBe(true);
    }
    for (const other of ['inventaire.csv', 'inventaire services.xlsx', 'servicesTI.csv']) {
      expect(hasSideName(other)).toBe(false);
    }
  });
});

describe('side files next to a file source', () => {
  it('services.csv, contacts.csv and postes.csv are merged into a CSV inventory', async () => {
    const h = await shareWith({
      'services.csv': fixture('services.csv'),
      'Contacts.csv': fixture('contacts.csv'),
      'POSTES.csv': fixture('postes.csv'),
    });
    const inventory = h.sync.current();
    expect(inventory.applications).toHaveLength(ALL_ROWS - 1);
    expect(inventory.services).toEqual([URGENCE_SERVICE, LABORATOIRE_SERVICE]);
    expect(inventory.contacts.map((c) => [c.from, c.to, c.contact.name, c.contact.phone])).toEqual([
      ['04:00', '07:00', 'CDA', '3050'],
      ['07:00', '17:00', 'CSI', '5656'],
    ]);
    expect(inventory.hosts).toEqual([{ pattern: 'HMR-URG-*', site: 'HMR', services: ['Urgence'] }]);
    // The embedded default first, then the inventory and its side files in a fixed order.
    expect(h.fs.reads.slice(1)).toEqual([h.file, h.side('services.csv'), h.side('Contacts.csv'), h.side('POSTES.csv')]);
    const stat = (name: string) => {
      const s = fs.statSync(h.side(name));
      return { file: h.side(name), size: s.size, mtimeMs: s.mtimeMs, table: 'file' };
    };
    expect(sidesMeta(h)).toEqual({
      services: stat('services.csv'),
      contacts: stat('Contacts.csv'),
      hosts: stat('POSTES.csv'),
    });
    expect(h.logged.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('nothing changed: no file is read again, no stability wait, no new version', async () => {
    const h = await shareWith({ 'services.csv': fixture('services.csv'), 'postes.csv': fixture('postes.csv') });
    const reads = h.fs.reads.length;
    const meta = sidesMeta(h);
    for (let i = 0; i < 3; i++) {
      h.clock.advance({ minutes: 6 });
      expect(await h.sync.syncNow()).toMatchObject({ outcome: 'unchanged', changed: false });
    }
    expect(h.fs.reads.length).toBe(reads);
    expect(h.waits).toEqual([1500]); // the share file's one stability look; none for the app's own default
    expect(h.store.inventory.list()).toHaveLength(2);
    expect(sidesMeta(h)).toEqual(meta); // what each table came from survives the confirmations
  });

  it('a change to postes.csv alone is re-imported', async () => {
    const h = await shareWith({ 'services.csv': fixture('services.csv'), 'postes.csv': fixture('postes.csv') });
    const reads = h.fs.reads.length;
    writeFile(h.side('postes.csv'), POSTES_2);
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().hosts).toEqual([
      { pattern: 'IUSMM-LAB-*', site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] },
    ]);
    expect(h.sync.current().services).toHaveLength(2);
    expect(h.sync.current().applications).toHaveLength(ALL_ROWS - 1);
    expect(readsSince(h, reads)).toEqual([h.file, h.side('services.csv'), h.side('postes.csv')]);
    expect(h.store.inventory.list()).toHaveLength(3);
    expect(sidesMeta(h)?.hosts).toMatchObject({ size: Buffer.byteLength(POSTES_2), table: 'file' });
  });

  it('a side file touched with the same content is read once, recognised by the hash, not stored again', async () => {
    const h = await shareWith({ 'services.csv': fixture('services.csv') });
    const reads = h.fs.reads.length;
    writeFile(h.side('services.csv'), fixture('services.csv'));
    expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    expect(readsSince(h, reads)).toEqual([h.file, h.side('services.csv')]);
    expect(h.store.inventory.list()).toHaveLength(2);
    expect(sidesMeta(h)?.services).toMatchObject({
      mtimeMs: fs.statSync(h.side('services.csv')).mtimeMs,
      table: 'file',
    });
  });

  it('a side file added later is picked up, and one removed is no longer applied', async () => {
    const h = await shareWith({});
    expect(h.sync.current().services).toEqual([]);
    expect(sidesMeta(h)).toBeUndefined();
    writeFile(h.side('Services.csv'), SERVICES_2);
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().services).toMatchObject([{ service: 'Pharmacie', shiftStarts: ['07:30', '15:30'] }]);
    fs.rmSync(h.side('Services.csv'));
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().services).toEqual([]);
    expect(sidesMeta(h)).toBeUndefined();
  });

  it('a side file replaces the workbook sheet of the same table; removing it gives the sheet back', async () => {
    const sheet = [
      ['Site', 'Service', '24/7', 'Début de quart'],
      ['IUSMM', 'Pharmacie', 'non', '07:30'],
    ];
    const h = await shareWith(
      { 'services.csv': fixture('services.csv') },
      { main: { name: 'inventaire.xlsx', content: await xlsxWithRows(12, { Services: sheet }) } },
    );
    expect(h.sync.current().applications).toHaveLength(12);
    expect(h.sync.current().services.map((s) => s.service)).toEqual(['Urgence', 'Laboratoire']);
    fs.rmSync(h.side('services.csv'));
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().services).toMatchObject([{ service: 'Pharmacie', shiftStarts: ['07:30'] }]);
  });
});

describe('unusable side files never block the applications list', () => {
  it('a broken contacts.csv: applications updated, contacts of the last good import kept, warning logged', async () => {
    const h = await shareWith({ 'contacts.csv': fixture('contacts.csv') });
    writeFile(h.file, csvWithRows(ALL_ROWS));
    writeFile(h.side('contacts.csv'), 'De;À;Urg'); // half-written
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'ok', changed: true, message: null });
    expect(outcome.state).toMatchObject({ state: 'ok', applications: ALL_ROWS });
    expect(h.sync.current().contacts.map((c) => c.contact.name)).toEqual(['CDA', 'CSI']);
    const warnings = h.logged.filter((l) => l.message === 'sync: side table unusable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 'warn',
      data: { file: h.side('contacts.csv'), using: 'last good side table' },
    });
    expect(String(warnings[0]?.data?.message)).toMatch(/En-tête introuvable/);
    expect(sidesMeta(h)?.contacts?.table).toBe('kept');

    // Same broken file at the next poll: nothing read, nothing logged again.
    const reads = h.fs.reads.length;
    h.clock.advance({ minutes: 6 });
    expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    expect(h.fs.reads.length).toBe(reads);

    // A new inventory while contacts.csv is still broken: the kept contacts stay.
    writeFile(h.file, csvWithRows(ALL_ROWS - 2));
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(ALL_ROWS - 2);
    expect(h.sync.current().contacts.map((c) => c.contact.name)).toEqual(['CDA', 'CSI']);

    // Fixed by IT: the new contacts replace them.
    writeFile(h.side('contacts.csv'), CONTACTS_2);
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().contacts.map((c) => c.contact.name)).toEqual(['Coordonnateur d’activité']);
    expect(sidesMeta(h)?.contacts?.table).toBe('file');
  });

  it('without an earlier good read, the workbook table stays (and still follows the workbook)', async () => {
    const sheet = (service: string) => [
      ['Site', 'Service', '24/7', 'Début de quart'],
      ['IUSMM', service, 'non', '07:30'],
    ];
    const h = await shareWith(
      { 'services.csv': randomBytes(4000) },
      { main: { name: 'inventaire.xlsx', content: await xlsxWithRows(12, { Services: sheet('Pharmacie') }) } },
    );
    expect(h.sync.current().applications).toHaveLength(12);
    expect(h.sync.current().services.map((s) => s.service)).toEqual(['Pharmacie']);
    expect(sidesMeta(h)?.services?.table).toBe('workbook');
    expect(h.logged.find((l) => l.message === 'sync: side table unusable')?.data).toMatchObject({
      file: h.side('services.csv'),
      using: 'workbook table',
    });
    writeFile(h.file, await xlsxWithRows(13, { Services: sheet('Radiologie') }));
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().services.map((s) => s.service)).toEqual(['Radiologie']);
  });

  it('a side workbook holding another table is not used for this one', async () => {
    const contacts = [
      ['De', 'À', 'Contact'],
      ['07:00', '17:00', 'CSI'],
    ];
    const h = await shareWith({ 'postes.xlsx': await workbookWith('Contacts', contacts) });
    expect(h.sync.current().hosts).toEqual([]);
    expect(h.sync.current().contacts).toEqual([]);
    expect(h.logged.find((l) => l.message === 'sync: side table unusable')?.data?.message).toBe(
      'Ce fichier contient une table Contacts, pas Postes.',
    );
  });
});
