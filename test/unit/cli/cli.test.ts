import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineRow, inventoryWorkbook } from '../../../bench/hostile-files';
import { cli, DEFAULT_INVENTORY } from './helpers';

describe('cli occurrences', () => {
  it('expands a monthly rule from a date-only --from (midnight in Montréal)', async () => {
    const r = await cli([
      'occurrences',
      '--rule',
      '1er mercredi 2h-4h',
      '--from',
      '2026-11-25',
      '--count',
      '3',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      status: 'scheduled',
      occurrences: [
        { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' },
        { start: '2027-01-06T02:00:00-05:00', end: '2027-01-06T04:00:00-05:00' },
        { start: '2027-02-03T02:00:00-05:00', end: '2027-02-03T04:00:00-05:00' },
      ],
    });
  });

  it('includes a window in progress at --from', async () => {
    const r = await cli([
      'occurrences',
      '--rule',
      '1er mercredi 2h-4h',
      '--from',
      '2026-12-02T03:00',
      '--count',
      '1',
      '--json',
    ]);
    expect(r.json<{ occurrences: unknown[] }>().occurrences).toEqual([
      { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' },
    ]);
  });

  it('uses the clock when --from is absent', async () => {
    const r = await cli(
      ['occurrences', '--rule', 'tous les mercredis 2h-4h', '--count', '1', '--json'],
      '2026-12-09T03:30:00',
    );
    expect(r.json<{ occurrences: { start: string }[] }>().occurrences[0]?.start).toBe('2026-12-09T02:00:00-05:00');
  });

  it('reports statuses with exit code 0, an unrecognized rule with exit code 1 and its message', async () => {
    const touched = await cli(['occurrences', '--rule', "Pas touché pour l'instant", '--json']);
    expect(touched.code).toBe(0);
    expect(touched.json()).toEqual({ status: 'not-affected', occurrences: [] });
    const tbd = await cli(['occurrences', '--rule', 'À venir (voir commentaire)', '--json']);
    expect(tbd.json()).toEqual({ status: 'to-be-determined', occurrences: [] });
    const bad = await cli(['occurrences', '--rule', '1er mercredi 25h-4h', '--json']);
    expect(bad.code).toBe(1);
    const body = bad.json<{ status: string; occurrences: unknown[]; message: string }>();
    expect(body.status).toBe('unrecognized');
    expect(body.occurrences).toEqual([]);
    expect(body.message).toMatch(/25/);
  });

  it('honours --zone', async () => {
    const r = await cli([
      'occurrences',
      '--rule',
      '1er mercredi 2h-4h',
      '--from',
      '2026-11-25',
      '--count',
      '1',
      '--zone',
      'Europe/Paris',
      '--json',
    ]);
    expect(r.json<{ occurrences: unknown[] }>().occurrences).toEqual([
      { start: '2026-12-02T02:00:00+01:00', end: '2026-12-02T04:00:00+01:00' },
    ]);
  });

  it.each([
    [['occurrences', '--json']],
    [['occurrences', '--rule', 'x', '--count', 'abc']],
    [['occurrences', '--rule', 'x', '--zone', 'Mars/Olympus']],
    [['occurrences', '--rule', 'x', '--from', '2026-13-45']],
    [['occurrences', '--rule', 'x', '--bogus']],
    [['frobnicate']],
    [[]],
  ])('exits 2 on bad arguments %j', async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints readable French without --json', async () => {
    const r = await cli(['occurrences', '--rule', '1er mercredi 2h-4h', '--from', '2026-11-25', '--count', '1']);
    expect(r.stdout).toContain('mercredi 2 décembre');
    expect(r.stdout).toContain('Plage planifiée');
  });
});

describe('cli check-inventory', () => {
  it('reports the embedded default inventory: 18 applications, 7/8/3/0, published 2018-09-28', async () => {
    const r = await cli(['check-inventory', DEFAULT_INVENTORY, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      ok: true,
      refusedByWorkstations: false,
      refusal: null,
      format: 'csv',
      publishedAt: '2018-09-28',
      applications: 18,
      byStatus: { scheduled: 7, 'not-affected': 8, 'to-be-determined': 3, unrecognized: 0 },
      problems: [],
      signature: 'absent',
      signatureMessage: null,
      internalErrors: 0,
      emptyWindows: [],
      sideFiles: [],
      exceptions: 0,
    });
  });

  it('exits 1 with a readable problem for an unusable file', async () => {
    const r = await cli(['check-inventory', 'test/fixtures/inventory/vide.csv', '--json']);
    expect(r.code).toBe(1);
    const body = r.json<{ ok: boolean; problems: { message: string; severity: string }[] }>();
    expect(body.ok).toBe(false);
    expect(body.problems[0]?.severity).toBe('error');
    expect(body.problems[0]?.message).toMatch(/vide/i);
  });

  it('says when the workstations would refuse a file: a row beyond Excel’s limit (issue 9)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-hostile-'));
    try {
      const file = path.join(dir, 'ligne.xlsx');
      fs.writeFileSync(file, await inventoryWorkbook(inlineRow(2_000_000_000, ['x'])));
      const r = await cli(['check-inventory', file, '--json']);
      expect(r.code).toBe(1);
      const body = r.json<{ refusedByWorkstations: boolean; refusal: string }>();
      expect(body.refusedByWorkstations).toBe(true);
      expect(body.refusal).toMatch(/au-delà des 1\u202f048\u202f576 lignes/);
      const text = await cli(['check-inventory', file]);
      expect(text.stdout).toMatch(/les postes refuseraient ce fichier/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 for a file that does not exist, without a stack trace', async () => {
    const r = await cli(['check-inventory', 'nope/absent.xlsx', '--json']);
    expect(r.code).toBe(1);
    expect(r.json<{ ok: boolean }>().ok).toBe(false);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 without a file', async () => {
    expect((await cli(['check-inventory', '--json'])).code).toBe(2);
  });
});

describe('cli timeline', () => {
  it('lists the Laboratoire events of December 2026 in order', async () => {
    const r = await cli([
      'timeline',
      '--inventory',
      DEFAULT_INVENTORY,
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--from',
      '2026-11-25',
      '--to',
      '2026-12-31',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const events = r.json<{ events: { kind: string; at: string; windowStart: string; applications: string[] }[] }>()
      .events;
    expect(events.map((e) => `${e.kind}@${e.at}`)).toEqual([
      'reminder@2026-12-01T10:00:00-05:00',
      'reminder@2026-12-02T01:30:00-05:00',
      'start@2026-12-02T02:00:00-05:00',
      'end@2026-12-02T04:00:00-05:00',
      'checklist@2026-12-02T04:00:00-05:00',
      'reminder@2026-12-15T10:00:00-05:00',
      'reminder@2026-12-16T01:30:00-05:00',
      'start@2026-12-16T02:00:00-05:00',
      'end@2026-12-16T04:00:00-05:00',
      'checklist@2026-12-16T04:00:00-05:00',
    ]);
    expect(events[2]?.applications).toEqual(['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM']);
    expect(events[7]?.applications).toEqual(['Cobas IT']);
  });

  it('merges several services of the workstation into one window', async () => {
    const r = await cli([
      'timeline',
      '--inventory',
      DEFAULT_INVENTORY,
      '--site',
      'IUSMM',
      '--service',
      'Pharmacie',
      '--service',
      'Nutrition',
      '--from',
      '2026-12-02T01:59',
      '--to',
      '2026-12-02T02:01',
      '--json',
    ]);
    const events = r.json<{ events: { kind: string; applications: string[] }[] }>().events;
    expect(events).toHaveLength(1);
    expect(events[0]?.kind).toBe('start');
    expect(events[0]?.applications).toEqual(['GespharX IUSMM', 'Nutritek', 'WinVision IUSMM']);
  });

  it('exits 2 when --to is before --from, 1 when the inventory is unusable', async () => {
    const base = ['timeline', '--site', 'IUSMM', '--service', 'Laboratoire', '--json'];
    expect(
      (await cli([...base, '--inventory', DEFAULT_INVENTORY, '--from', '2026-12-31', '--to', '2026-12-01'])).code,
    ).toBe(2);
    const broken = await cli([
      ...base,
      '--inventory',
      'test/fixtures/inventory/vide.csv',
      '--from',
      '2026-12-01',
      '--to',
      '2026-12-31',
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/inventaire inutilisable/);
  });
});

describe('cli contact', () => {
  const base = ['contact', '--site', 'IUSMM', '--service', 'Laboratoire', '--json'];
  type Advice = {
    contact: { name: string; phone: string | null } | null;
    rule: { id: string };
    advice: { code: string }[];
    retryAfter: string | null;
    window: { start: string; end: string } | null;
  };

  it('follows the clock: CDA at 05:30 and 06:55, CSI at 07:05 and 10:00, usual procedure at 18:00', async () => {
    const at = async (t: string) => (await cli([...base, '--at', `2026-12-02T${t}:00-05:00`])).json<Advice>();
    expect((await at('05:30')).contact).toMatchObject({ name: 'CDA', phone: '3050' });
    expect((await at('06:55')).contact).toMatchObject({ phone: '3050' });
    expect((await at('07:05')).contact).toMatchObject({ name: 'CSI', phone: '5656' });
    expect((await at('10:00')).contact).toMatchObject({ phone: '5656' });
    const evening = await at('18:00');
    expect(evening.contact).toBeNull();
    expect(evening.advice.map((a) => a.code)).toContain('usual-procedure');
  });

  it('always says to restart first, and to retry after the end while the window is in progress', async () => {
    const r = (await cli([...base, '--at', '2026-12-02T03:00:00-05:00'])).json<Advice>();
    expect(r.advice[0]?.code).toBe('restart-first');
    expect(r.retryAfter).toBe('2026-12-02T04:00:00-05:00');
    expect(r.advice.map((a) => a.code)).toContain('retry-after-window');
    expect(r.window).toMatchObject({ start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' });
  });

  it('gives the Octopus form for a service with an Urgence pilote agreement between 7 h and 17 h', async () => {
    const r = (
      await cli([
        ...base,
        '--at',
        '2026-12-02T09:00:00-05:00',
        '--urgence-pilote',
        '--octopus-url',
        'https://octopus.example.org/form',
      ])
    ).json<Advice & { contact: { url: string } }>();
    expect(r.contact?.name).toMatch(/Octopus/);
    expect(r.contact?.url).toBe('https://octopus.example.org/form');
  });

  it('applies the guide’s date override: 17 October 2018 at HMR → activity coordinator', async () => {
    const r = (await cli(['contact', '--site', 'HMR', '--at', '2018-10-17T08:00:00-04:00', '--json'])).json<Advice>();
    expect(r.contact?.name).toMatch(/oordonnateur/);
  });

  it('gives the usual procedure for a problem not related to a window', async () => {
    const r = (await cli([...base, '--at', '2026-12-02T10:00:00-05:00', '--unrelated'])).json<Advice>();
    expect(r.contact).toBeNull();
    expect(r.rule.id).toBe('usual');
  });

  it('prints the contact in French without --json', async () => {
    const r = await cli(['contact', '--site', 'IUSMM', '--at', '2026-12-02T05:30:00-05:00']);
    expect(r.stdout).toContain('CDA');
    expect(r.stdout).toContain('3050');
    expect(r.stdout).toContain('redémarrez');
  });
});
