/**
 * The tray's words at their edges: the 20-hour line between "jusqu'à 4 h" and a date, the inventory note's day,
 * the 127-character budget met exactly (names cut with "…" only when one more would not fit), the second line's
 * room, and the whole menu item by item.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  problemSince,
  TOOLTIP_MAX,
  trayModel,
  trayTooltip,
  type TrayModelInputs,
  type TrayWindow,
} from '../../../electron/core/scheduler/tray';
import { REFUSED } from '../../../electron/core/inventory/isolation/reasons';
import { ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const LEAD = 'Vigie — ';

function window(start: string, end: string, apps: string[]): TrayWindow {
  return { start: at(start), end: at(end), applications: apps.map((application) => ({ application })) };
}

function inputs(over: Partial<TrayModelInputs> = {}): TrayModelInputs {
  return {
    now: at('2026-12-02T03:00'),
    inventory: { state: 'ok', since: null },
    current: null,
    next: null,
    pendingRun: false,
    problem: false,
    language: 'fr',
    hasProfile: true,
    intranetUrl: null,
    allowQuit: true,
    ...over,
  };
}

/** The tooltip while a window ending at 4 h holds these applications. */
function during(apps: string[], over: Partial<TrayModelInputs> = {}): string {
  return trayModel(inputs({ current: window('2026-12-02T02:00', '2026-12-02T04:00', apps), ...over })).tooltip;
}

const PREFIX = "plage en cours jusqu'à 4 h";
const BUDGET = TOOLTIP_MAX - LEAD.length;

describe('problemSince', () => {
  it('is exactly 24 hours before now', () => {
    expect(problemSince(at('2026-12-02T03:00')).toMillis()).toBe(at('2026-12-01T03:00').toMillis());
  });
});

describe('tray tooltip — until when', () => {
  it('gives only the hour when the end is less than 20 hours away, the day and hour from 20 hours', () => {
    const w = window('2026-12-02T02:00', '2026-12-03T04:00', ['GestLab']);
    const just = trayModel(inputs({ current: w, now: at('2026-12-02T08:01') })).tooltip;
    expect(just).toBe(`${LEAD}plage en cours jusqu'à 4 h : GestLab`);
    const twenty = trayModel(inputs({ current: w, now: at('2026-12-02T08:00') })).tooltip;
    expect(twenty).toBe(`${LEAD}plage en cours jusqu'à jeudi 3 décembre, 4 h : GestLab`);
  });

  it('a window without applications is named without a list', () => {
    expect(during([])).toBe(`${LEAD}${PREFIX}`);
  });

  it('describes the state it is given', () => {
    const i = inputs({ current: window('2026-12-02T02:00', '2026-12-02T04:00', ['GestLab']) });
    expect(trayTooltip(i, 'problem')).toBe(`${LEAD}problème signalé après la vérification`);
    expect(trayTooltip(i, 'verification-due')).toBe(`${LEAD}vérification à faire après la plage`);
    expect(trayTooltip({ ...i, current: null }, 'in-progress')).toBe(`${LEAD}aucune plage prévue`);
  });

  it('problem and verification-due each say their own line', () => {
    expect(trayModel(inputs({ problem: true })).tooltip).toBe(`${LEAD}problème signalé après la vérification`);
    expect(trayModel(inputs({ pendingRun: true })).tooltip).toBe(`${LEAD}vérification à faire après la plage`);
  });
});

describe('tray tooltip — inventory note', () => {
  it('gives the day too when the trouble started before today', () => {
    const tooltip = trayModel(inputs({ inventory: { state: 'offline', since: '2026-11-30T10:05:00-05:00' } })).tooltip;
    expect(tooltip).toBe(`${LEAD}inventaire hors ligne depuis lundi 30 novembre, 10 h 05`);
  });

  it('reads the instant of `since` whatever its offset, in the workstation zone', () => {
    const tooltip = trayModel(inputs({ inventory: { state: 'offline', since: '2026-12-02T07:05:00Z' } })).tooltip;
    expect(tooltip).toBe(`${LEAD}inventaire hors ligne depuis 2 h 05`);
  });

  it('an invalid inventory without a message is "non valide", with one naming a refused file "refusé"', () => {
    const plain = trayModel(inputs({ inventory: { state: 'invalid', since: null, message: null } })).tooltip;
    expect(plain).toBe(`${LEAD}inventaire non valide`);
    const refused = trayModel(
      inputs({ inventory: { state: 'invalid', since: null, message: `${REFUSED} : trop long` } }),
    );
    expect(refused.tooltip).toBe(`${LEAD}fichier d’inventaire refusé, à remplacer`);
    const offline = trayModel(
      inputs({ inventory: { state: 'offline', since: null, message: `${REFUSED} : trop long` } }),
    );
    expect(offline.tooltip).toBe(`${LEAD}inventaire hors ligne`);
  });

  it('joins the note and the reports waiting on the second line with " · "', () => {
    const tooltip = trayModel(
      inputs({
        pendingRun: true,
        pendingReports: 2,
        inventory: { state: 'offline', since: '2026-12-02T02:05:00-05:00' },
      }),
    ).tooltip;
    expect(tooltip).toBe(
      `${LEAD}vérification à faire après la plage\ninventaire hors ligne depuis 2 h 05 · 2 rapports en attente d'envoi`,
    );
  });
});

describe('tray tooltip — the 127-character budget', () => {
  it('one name that fits exactly is kept whole; one character more is cut to the budget with "…"', () => {
    const exact = 'N'.repeat(BUDGET - PREFIX.length - ' : '.length);
    expect(during([exact])).toBe(`${LEAD}${PREFIX} : ${exact}`);
    expect(during([exact]).length).toBe(TOOLTIP_MAX);
    const over = `${exact}X`;
    expect(during([over])).toBe(`${LEAD}${PREFIX} : ${exact.slice(0, -1)}…`);
    expect(during([over]).length).toBe(TOOLTIP_MAX);
  });

  it('names that fill the budget exactly are all shown, without "…"', () => {
    const room = BUDGET - PREFIX.length - ' : '.length - 'A, B, '.length;
    const names = ['A', 'B', 'C'.repeat(room)];
    expect(during(names)).toBe(`${LEAD}${PREFIX} : A, B, ${'C'.repeat(room)}`);
    expect(during(names).length).toBe(TOOLTIP_MAX);
  });

  it('keeps room for "…" when names are left out: a name that fits only without it is left out too', () => {
    const room = BUDGET - PREFIX.length - ' : '.length - 'A, '.length;
    // "A, BBB…" would fill the budget exactly but leaves no room for the "…" that the third name needs.
    const names = ['A', 'B'.repeat(room), 'C'];
    expect(during(names)).toBe(`${LEAD}${PREFIX} : A…`);
    // One character shorter, B fits with the "…" after it.
    const shorter = ['A', 'B'.repeat(room - 1), 'C'];
    expect(during(shorter)).toBe(`${LEAD}${PREFIX} : A, ${'B'.repeat(room - 1)}…`);
  });

  it('a second line is shown when it fits the room left exactly, and dropped when one character longer', () => {
    const note = 'inventaire non valide';
    // First line + "\n" + note = 127: the first line is 127 - 1 - note.length characters.
    const fill = 'N'.repeat(TOOLTIP_MAX - 1 - note.length - LEAD.length - PREFIX.length - ' : '.length);
    const fits = during([fill], { inventory: { state: 'invalid', since: null } });
    expect(fits).toBe(`${LEAD}${PREFIX} : ${fill}\n${note}`);
    expect(fits.length).toBe(TOOLTIP_MAX);
    const tooLong = during([`${fill}N`], { inventory: { state: 'invalid', since: null } });
    expect(tooLong).toBe(`${LEAD}${PREFIX} : ${fill}N`);
  });
});

describe('tray menu, item by item', () => {
  it('is exactly status, separator, checklist, calendar, separator, sync, settings, separator, quit', () => {
    expect(trayModel(inputs({ pendingRun: true })).menu).toEqual([
      { id: 'status', label: 'Vérification à faire', enabled: false, action: null },
      { id: 'sep-1', label: '', enabled: false, action: null, separator: true },
      {
        id: 'checklist',
        label: 'Ouvrir la vérification',
        enabled: true,
        action: { type: 'open', window: 'checklist' },
      },
      { id: 'calendar', label: 'Calendrier et état', enabled: true, action: { type: 'open', window: 'status' } },
      { id: 'sep-2', label: '', enabled: false, action: null, separator: true },
      { id: 'sync', label: "Mettre à jour l'inventaire", enabled: true, action: { type: 'sync' } },
      { id: 'settings', label: 'Réglages…', enabled: true, action: { type: 'open', window: 'settings' } },
      { id: 'sep-3', label: '', enabled: false, action: null, separator: true },
      { id: 'quit', label: 'Quitter Vigie', enabled: true, action: { type: 'quit' } },
    ]);
  });

  it('adds the intranet link (enabled) and the reports line (disabled) when there are some', () => {
    const menu = trayModel(inputs({ intranetUrl: 'https://intranet.example/vigie', pendingReports: 1 })).menu;
    expect(menu.find((m) => m.id === 'intranet')).toEqual({
      id: 'intranet',
      label: 'Guide et calendrier (intranet)',
      enabled: true,
      action: { type: 'link', url: 'https://intranet.example/vigie' },
    });
    expect(menu[1]).toEqual({ id: 'reports', label: "1 rapport en attente d'envoi", enabled: false, action: null });
  });
});

describe('tray tooltip — an unplanned outage in force (issue 13)', () => {
  const outage = (end: string | null) => ({
    end: end === null ? null : at(end),
    applications: [{ application: 'GestLab' }, { application: 'Cobas IT' }],
  });

  it('says "panne en cours", until when when the notice says, with the applications', () => {
    const now = at('2026-12-02T10:00');
    expect(trayTooltip(inputs({ now, outage: outage('2026-12-02T12:30') }))).toBe(
      `${LEAD}panne en cours jusqu'à 12 h 30 : GestLab, Cobas IT`,
    );
    expect(trayTooltip(inputs({ now, outage: outage(null) }))).toBe(`${LEAD}panne en cours : GestLab, Cobas IT`);
    expect(trayTooltip(inputs({ now, language: 'en', outage: outage(null) }))).toBe(
      `${LEAD}outage in progress: GestLab, Cobas IT`,
    );
  });

  it('a planned window in progress is named first; another state given keeps its own words', () => {
    const now = at('2026-12-02T03:00');
    const current = window('2026-12-02T02:00', '2026-12-02T04:00', ['Softlab']);
    expect(trayTooltip(inputs({ now, current, outage: outage(null) }))).toBe(
      `${LEAD}plage en cours jusqu'à 4 h : Softlab`,
    );
    expect(trayTooltip(inputs({ now, outage: outage(null) }), 'verification-due')).toBe(
      `${LEAD}vérification à faire après la plage`,
    );
  });
});
