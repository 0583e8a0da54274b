import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIcs, windowUid, type IcsWindow } from '../../../electron/core/calendar/ics';
import { captureCli } from '../run-cli';

const ZONE = 'America/Toronto';
const NOW = DateTime.fromISO('2026-11-01T12:00', { zone: ZONE });

function window(start: string, hours = 2, apps = ['Cobas IT', 'GestLab']): IcsWindow {
  const s = DateTime.fromISO(start, { zone: ZONE });
  return {
    start: s,
    end: s.plus({ hours }),
    services: ['Laboratoire'],
    applications: apps.map((application) => ({ service: 'Laboratoire', application })),
  };
}

/** RFC 5545 §3.1 unfolding, then the content lines. */
function lines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** Minimal structural parse: BEGIN/END balanced, every line a NAME[;params]:value, lines ≤ 75 octets. */
function parseIcs(ics: string): { components: { name: string; props: Record<string, string> }[] } {
  for (const raw of ics.split('\r\n')) expect(Buffer.byteLength(raw, 'utf8')).toBeLessThanOrEqual(75);
  expect(ics.endsWith('\r\n')).toBe(true);
  const stack: string[] = [];
  const components: { name: string; props: Record<string, string> }[] = [];
  for (const line of lines(ics)) {
    const m = /^([A-Z][A-Z0-9-]*)((?:;[^:]*)?):(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name, params, value] = m as unknown as [string, string, string, string];
    if (name === 'BEGIN') {
      stack.push(value);
      components.push({ name: value, props: {} });
    } else if (name === 'END') expect(stack.pop()).toBe(value);
    else {
      const current = [...components].reverse().find((c) => c.name === stack[stack.length - 1]);
      if (current && !(name in current.props)) current.props[name + params] = value;
    }
  }
  expect(stack).toEqual([]);
  return { components };
}

describe('buildIcs', () => {
  it('writes one VEVENT per window in local time with the America/Toronto VTIMEZONE', () => {
    const ics = buildIcs([window('2026-12-02T02:00'), window('2027-07-07T02:00')], {
      zone: ZONE,
      site: 'IUSMM',
      now: NOW,
    });
    const { components } = parseIcs(ics);
    expect(components.map((c) => c.name)).toEqual([
      'VCALENDAR',
      'VTIMEZONE',
      'DAYLIGHT',
      'STANDARD',
      'VEVENT',
      'VEVENT',
    ]);
    const all = lines(ics);
    expect(all).toContain('BEGIN:VTIMEZONE');
    expect(all).toContain('TZID:America/Toronto');
    expect(all).toContain('DTSTART;TZID=America/Toronto:20261202T020000');
    expect(all).toContain('DTEND;TZID=America/Toronto:20261202T040000');
    // Summer window: same wall-clock time, the VTIMEZONE carries the offset.
    expect(all).toContain('DTSTART;TZID=America/Toronto:20270707T020000');
    // Both DST transitions, so Outlook places 2 h correctly on both sides of the change.
    const daylight = components.find((c) => c.name === 'DAYLIGHT')?.props;
    const standard = components.find((c) => c.name === 'STANDARD')?.props;
    expect(daylight).toMatchObject({
      TZOFFSETFROM: '-0500',
      TZOFFSETTO: '-0400',
      RRULE: 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
    });
    expect(standard).toMatchObject({
      TZOFFSETFROM: '-0400',
      TZOFFSETTO: '-0500',
      RRULE: 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
    });
    // DTSTAMP is UTC, as RFC 5545 requires (12:00 EST, the day DST ends).
    expect(all.filter((l) => l.startsWith('DTSTAMP'))).toEqual([
      'DTSTAMP:20261101T170000Z',
      'DTSTAMP:20261101T170000Z',
    ]);
  });

  it('summary and description say what to do, in French by default', () => {
    const ics = buildIcs([window('2026-12-02T02:00')], { zone: ZONE, site: 'IUSMM', now: NOW });
    const all = lines(ics);
    expect(all).toContain('SUMMARY:Plage de maintenance — Laboratoire');
    const description = all.find((l) => l.startsWith('DESCRIPTION:')) ?? '';
    expect(description).toContain('Cobas IT');
    expect(description).toContain('GestLab');
    expect(description).toContain('Déployez votre plan de continuité');
    expect(all).toContain('TRANSP:TRANSPARENT');
  });

  it('escapes text from the inventory (commas, semicolons, backslashes, newlines)', () => {
    const ics = buildIcs([window('2026-12-02T02:00', 2, ['A; B, C\\D\nE'])], { zone: ZONE, site: 'IUSMM', now: NOW });
    const description = lines(ics).find((l) => l.startsWith('DESCRIPTION:')) ?? '';
    expect(description).toContain('A\\; B\\, C\\\\D\\nE');
  });

  it('uid is stable for the same window, site and services, and differs otherwise', () => {
    const a = windowUid(window('2026-12-02T02:00'), 'IUSMM');
    expect(windowUid(window('2026-12-02T02:00'), 'iusmm ')).toBe(a);
    expect(windowUid(window('2026-12-02T02:00', 3), 'IUSMM')).not.toBe(a);
    expect(windowUid(window('2026-12-02T02:00'), 'HMR')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}@vigie$/);
    const twice = [1, 2].map(() => buildIcs([window('2026-12-02T02:00')], { zone: ZONE, site: 'IUSMM', now: NOW }));
    expect(twice[0]).toBe(twice[1]);
  });

  it('optional alarms and English text', () => {
    const ics = buildIcs([window('2026-12-02T02:00')], {
      zone: ZONE,
      site: 'IUSMM',
      now: NOW,
      language: 'en',
      alarms: [24 * 60, 30],
    });
    const all = lines(ics);
    expect(all).toContain('SUMMARY:Maintenance window — Laboratoire');
    expect(all.filter((l) => l.startsWith('TRIGGER'))).toEqual(['TRIGGER:-P1D', 'TRIGGER:-PT30M']);
    expect(all).toContain('PRODID:-//Vigie//Plages de maintenance//EN');
  });
});

describe('cli ics', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  async function run(argv: string[], now = '2026-11-25T10:00:00') {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ics-'));
    dirs.push(cwd);
    return { ...(await captureCli(argv, { clock: now, cwd })), cwd };
  }
  const INVENTORY = path.resolve('test/fixtures/inventory/annexe2-windows-1252.csv');

  it('exports the next 3 months by default (from the clock), across the DST change', async () => {
    const r = await run([
      'ics',
      '--inventory',
      INVENTORY,
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--out',
      'plages.ics',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ics = fs.readFileSync(path.join(r.cwd, 'plages.ics'), 'utf8');
    const starts = lines(ics).filter((l) => l.startsWith('DTSTART;'));
    // 1st and 3rd Wednesdays 2h–4h from 2026-11-25 to 2027-02-25.
    expect(starts).toEqual([
      'DTSTART;TZID=America/Toronto:20261202T020000',
      'DTSTART;TZID=America/Toronto:20261216T020000',
      'DTSTART;TZID=America/Toronto:20270106T020000',
      'DTSTART;TZID=America/Toronto:20270120T020000',
      'DTSTART;TZID=America/Toronto:20270203T020000',
      'DTSTART;TZID=America/Toronto:20270217T020000',
    ]);
    expect(r.out).toContain('6 plage(s) de maintenance exportée(s)');
    parseIcs(ics);
  });

  it('--from and --months choose the period; --json lists the windows', async () => {
    const r = await run([
      'ics', '--inventory', INVENTORY, '--site', 'IUSMM', '--service', 'Pharmacie', '--service', 'Nutrition',
      '--from', '2027-03-01', '--months', '1', '--out', 'p.ics', '--json',
    ]); // prettier-ignore
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { windows: { start: string; services: string[] }[] };
    expect(body.windows).toEqual([
      { start: '2027-03-03T02:00:00-05:00', end: '2027-03-03T04:00:00-05:00', services: ['Nutrition', 'Pharmacie'] },
    ]);
  });

  it('exit 2 on bad --months, exit 1 on an unusable inventory', async () => {
    const bad = await run([
      'ics',
      '--inventory',
      INVENTORY,
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--months',
      '0',
      '--out',
      'x.ics',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--months');
    const missing = await run([
      'ics',
      '--inventory',
      'absent.csv',
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--out',
      'x.ics',
    ]);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(missing.cwd, 'x.ics'))).toBe(false);
  });
});

describe('buildIcs — spring-forward gap', () => {
  it('an emptied window (2e dimanche 2h30-3h on 2027-03-14) has a DTSTART at 03:30 and no DTEND, never a swap', () => {
    const start = DateTime.fromISO('2027-03-14T03:30:00-04:00', { zone: ZONE });
    const emptied: IcsWindow = { ...window('2027-03-14T03:30'), start, end: start };
    const ics = buildIcs([emptied, window('2027-04-07T02:00')], { zone: ZONE, site: 'IUSMM', now: NOW });
    const events = parseIcs(ics).components.filter((c) => c.name === 'VEVENT');
    expect(events[0]?.props['DTSTART;TZID=America/Toronto']).toBe('20270314T033000');
    expect(Object.keys(events[0]?.props ?? {}).filter((k) => k.startsWith('DTEND'))).toEqual([]);
    expect(events[1]?.props['DTEND;TZID=America/Toronto']).toBe('20270407T040000');
    // An end before the start (what the planner used to produce) is not swapped into a 03:00–03:30 event either.
    const reversed = buildIcs([{ ...emptied, end: start.minus({ minutes: 30 }) }], {
      zone: ZONE,
      site: 'IUSMM',
      now: NOW,
    });
    expect(reversed).toContain('DTSTART;TZID=America/Toronto:20270314T033000');
    expect(reversed).not.toContain('DTEND');
  });
});
