/**
 * The command-line tools that take an inventory read the side files beside it as a workstation does (issue 13):
 * an exceptions.csv (or contacts.csv, services.csv) dropped next to the inventory changes check-inventory,
 * timeline, simulate, ics, report and contact — and the admin bundle's commands, which are the same modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS } from '../../../electron/cli/admin';
import { captureCli } from '../run-cli';
import { csvWithRows, tempDir } from '../sync/helpers';

const FREEZE = 'Site;Service;Du;Au;Action;Motif\r\nIUSMM;Laboratoire;2027-01-04;2027-01-08;annulée;gel des Fêtes\r\n';
const NOW = '2026-12-20T09:00:00';

function share(sides: Record<string, string> = {}): { dir: string; inventory: string } {
  const dir = tempDir();
  const inventory = path.join(dir, 'inventaire.csv');
  fs.writeFileSync(inventory, csvWithRows(17));
  for (const [name, text] of Object.entries(sides)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, inventory };
}

async function run(argv: string[], options: { admin?: boolean; now?: string } = {}) {
  const r = await captureCli(argv, {
    clock: options.now ?? NOW,
    ...(options.admin ? { commands: ADMIN_COMMANDS } : {}),
  });
  return { ...r, json: <T>() => JSON.parse(r.out) as T };
}

const PROFILE = ['--site', 'IUSMM', '--service', 'Laboratoire'];
const JAN = ['--from', '2027-01-04', '--to', '2027-01-08'];

describe('command line and side files', () => {
  it('timeline: the frozen window has no event once exceptions.csv is beside the inventory', async () => {
    const plain = share();
    const frozen = share({ 'exceptions.csv': FREEZE });
    type Out = {
      events: { kind: string; windowStart: string }[];
      cancelled: { reason: string; windowStart: string }[];
    };
    const before = (await run(['timeline', '--inventory', plain.inventory, ...PROFILE, ...JAN, '--json'])).json<Out>();
    expect(before.events.map((e) => e.kind)).toEqual(['reminder', 'reminder', 'start', 'end', 'checklist']);
    expect(before.cancelled).toEqual([]);
    const after = (await run(['timeline', '--inventory', frozen.inventory, ...PROFILE, ...JAN, '--json'])).json<Out>();
    expect(after.events).toEqual([]);
    expect(after.cancelled.map((c) => [c.windowStart, c.reason])).toEqual([
      ['2027-01-06T02:00:00-05:00', 'gel des Fêtes'],
    ]);
    // The admin bundle's timeline is the same module: the same answer.
    const admin = await run(['timeline', '--inventory', frozen.inventory, ...PROFILE, ...JAN, '--json'], {
      admin: true,
    });
    expect(admin.json<Out>()).toEqual(after);
    const text = await run(['timeline', '--inventory', frozen.inventory, ...PROFILE, ...JAN]);
    expect(text.out).toContain('2027-01-06T02:00:00-05:00  Annulée (gel des Fêtes) — Cortex Omnitech, GestLab');
  });

  it('simulate: no toast for the frozen window', async () => {
    const args = (inventory: string) => ['simulate', '--inventory', inventory, ...PROFILE, ...JAN, '--json'];
    type Out = { notifications: { kind: string }[] };
    expect((await run(args(share().inventory))).json<Out>().notifications.length).toBeGreaterThan(0);
    expect((await run(args(share({ 'exceptions.csv': FREEZE }).inventory))).json<Out>().notifications).toEqual([]);
  });

  it('ics: the frozen occurrence is exported as cancelled', async () => {
    for (const [sides, cancelled] of [
      [{}, 0],
      [{ 'exceptions.csv': FREEZE }, 1],
    ] as const) {
      const { dir, inventory } = share(sides);
      const out = path.join(dir, 'plages.ics');
      const r = await run(['ics', '--inventory', inventory, ...PROFILE, '--out', out], { admin: true });
      expect(r.code).toBe(0);
      expect(fs.readFileSync(out, 'utf8').match(/STATUS:CANCELLED/g)?.length ?? 0).toBe(cancelled);
    }
  });

  it('check-inventory: lists the side files, counts the exceptions, warns about a row that matches nothing', async () => {
    const { inventory } = share({
      'exceptions.csv': `${FREEZE}IUSMM;Laboratoire;2027-02-03;;annulée;faute de frappe\r\n`.replace(
        /IUSMM;Laboratoire;2027-02-03/,
        'IUSMM;Labo;2027-02-03',
      ),
      'services.csv': 'Site;Service;24/7;Début de quart\r\nIUSMM;Laboratoire;non;08:00\r\n',
    });
    const r = await run(['check-inventory', inventory, '--json']);
    expect(r.code).toBe(0);
    const body = r.json<{
      sideFiles: { kind: string; file: string; table: string }[];
      exceptions: number;
      problems: { row: number | null; column: string | null; message: string }[];
    }>();
    expect(body.sideFiles.map((s) => [s.kind, path.basename(s.file), s.table])).toEqual([
      ['services', 'services.csv', 'file'],
      ['exceptions', 'exceptions.csv', 'file'],
    ]);
    expect(body.exceptions).toBe(2);
    expect(body.problems.map((p) => [p.row, p.column])).toEqual([[3, 'Service']]);
    expect(body.problems[0]?.message).toContain('aucune application ne correspond (site « IUSMM », service « Labo »)');
    const text = await run(['check-inventory', inventory]);
    expect(text.out).toContain('Fichier séparé : exceptions.csv');
    expect(text.out).toContain('Exceptions au calendrier : 2');
  });

  it('an unusable side file is said on stderr and does not stop the command (as it does not stop the sync)', async () => {
    const { inventory } = share({ 'exceptions.csv': 'Site;Du;A' });
    const r = await run(['timeline', '--inventory', inventory, ...PROFILE, ...JAN, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('attention : Fichier « exceptions.csv » inutilisable');
    expect(r.json<{ events: unknown[] }>().events).toHaveLength(5);
  });

  it('contact: a contacts.csv beside the inventory is the one the workstations use', async () => {
    const argv = (inventory: string) => [
      'contact',
      '--inventory',
      inventory,
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--at',
      '2026-12-02T05:30:00-05:00',
      '--json',
    ];
    type Out = { contact: { name: string } | null };
    expect((await run(argv(share().inventory))).json<Out>().contact?.name).toBe('CDA');
    const contacts = 'De;À;Contact;Téléphone\r\n04:00;07:00;Garde TI;4444\r\n';
    expect((await run(argv(share({ 'contacts.csv': contacts }).inventory))).json<Out>().contact?.name).toBe('Garde TI');
  });

  it('report: a frozen window is not expected from the workstations', async () => {
    const unverified = async (sides: Record<string, string>) => {
      const { dir, inventory } = share(sides);
      const results = path.join(dir, 'resultats');
      fs.mkdirSync(results);
      const r = await run(
        [
          'report',
          '--html',
          path.join(dir, 'parc.html'),
          '--results',
          results,
          '--from',
          '2027-01-01',
          '--to',
          '2027-01-10',
          '--inventory',
          inventory,
          '--json',
        ],
        { now: '2027-01-11T09:00:00' },
      );
      return r.json<{ unverified: { service: string }[] }>().unverified.map((u) => u.service);
    };
    expect(await unverified({})).toEqual(['Laboratoire', 'Nutrition', 'Pharmacie']);
    expect(await unverified({ 'exceptions.csv': FREEZE })).toEqual(['Nutrition', 'Pharmacie']);
  });
});
