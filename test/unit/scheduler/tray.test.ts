import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { listNames } from '../../../electron/core/scheduler/messages';
import {
  TOOLTIP_MAX,
  trayModel,
  trayState,
  type TrayModelInputs,
  type TrayWindow,
} from '../../../electron/core/scheduler/tray';
import { simulate } from '../../../electron/core/scheduler/simulate';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { sampleInventory } from '../planning/sample';
import { ZONE } from './harness';
import { UNSIGNED_MESSAGE } from '../../../electron/core/sync/signature';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

function window(start: string, end: string, apps: string[]): TrayWindow {
  return { start: at(start), end: at(end), applications: apps.map((application) => ({ application })) };
}

const LAB = window('2026-12-02T02:00', '2026-12-02T04:00', ['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM']);

function inputs(over: Partial<TrayModelInputs> = {}): TrayModelInputs {
  return {
    now: at('2026-12-01T09:00'),
    inventory: { state: 'ok', since: null },
    current: null,
    next: LAB,
    pendingRun: false,
    problem: false,
    language: 'fr',
    hasProfile: true,
    intranetUrl: null,
    allowQuit: true,
    ...over,
  };
}

describe('trayState precedence', () => {
  const offline = { state: 'offline' as const, since: '2026-12-02T10:05:00-05:00' };
  it.each([
    [
      'in-progress beats everything',
      { current: LAB, problem: true, pendingRun: true, inventory: offline },
      'in-progress',
    ],
    ['problem beats a pending verification', { problem: true, pendingRun: true, inventory: offline }, 'problem'],
    ['verification-due beats offline', { pendingRun: true, inventory: offline }, 'verification-due'],
    ['offline beats upcoming', { now: at('2026-12-01T03:00'), inventory: offline }, 'offline'],
    ['invalid counts as offline', { inventory: { state: 'invalid' as const, since: null } }, 'offline'],
    ['upcoming within 24 h', { now: at('2026-12-01T02:00') }, 'upcoming'],
    ['idle more than 24 h before', { now: at('2026-12-01T01:59') }, 'idle'],
    ['idle with nothing planned', { next: null }, 'idle'],
  ])('%s', (_name, over, expected) => {
    expect(trayState(inputs(over))).toBe(expected);
  });
});

describe('tray tooltip', () => {
  it('names the window in progress, its end and its applications', () => {
    const model = trayModel(inputs({ now: at('2026-12-02T02:10'), current: LAB }));
    expect(model.tooltip).toBe("Vigie — plage en cours jusqu'à 4 h : Cortex Omnitech, GestLab, Unity Real Time IUSMM");
  });

  it('says the next window relative to today', () => {
    expect(trayModel(inputs({ now: at('2026-12-01T09:00') })).tooltip).toBe(
      'Vigie — prochaine plage demain 2 h – 4 h : Cortex Omnitech, GestLab, Unity Real Time IUSMM',
    );
    expect(trayModel(inputs({ now: at('2026-11-20T09:00') })).tooltip).toBe(
      'Vigie — prochaine plage mercredi 2 décembre, 2 h – 4 h : Cortex Omnitech, GestLab, Unity Real Time IUSMM',
    );
    expect(trayModel(inputs({ next: null })).tooltip).toBe('Vigie — aucune plage prévue');
    expect(trayModel(inputs({ hasProfile: false })).tooltip).toContain('choisissez le site et le service');
  });

  it('says since when the inventory is offline', () => {
    const model = trayModel(
      inputs({ now: at('2026-11-20T11:00'), inventory: { state: 'offline', since: '2026-11-20T10:05:00-05:00' } }),
    );
    expect(model.state).toBe('offline');
    expect(model.tooltip.split('\n')[0]).toBe('Vigie — inventaire hors ligne depuis 10 h 05');
    // …and still which window comes next, on a second line.
    expect(model.tooltip.split('\n')[1]).toMatch(/^prochaine plage mercredi 2 décembre/);
  });

  it('says when a publication was refused by the signature check (inventoryPublicKeys)', () => {
    const inventory = {
      state: 'invalid' as const,
      since: '2026-11-20T10:05:00-05:00',
      message: `${UNSIGNED_MESSAGE} (inventaire.csv modifié après sa signature).`,
    };
    const model = trayModel(inputs({ now: at('2026-11-20T11:00'), inventory }));
    expect(model.tooltip.split('\n')[0]).toBe('Vigie — inventaire non signé ou modifié : ignoré depuis 10 h 05');
  });

  it('keeps the offline note under another state when there is room', () => {
    const model = trayModel(inputs({ pendingRun: true, inventory: { state: 'invalid', since: null } }));
    expect(model.tooltip).toBe('Vigie — vérification à faire après la plage\ninventaire non valide');
  });

  it('says the inventory file was refused (to be replaced) when its parse was refused, in French and English', () => {
    const inventory = {
      state: 'invalid' as const,
      since: '2026-12-01T08:40:00-05:00',
      message: "Inventaire non valide (inventaire.xlsx) : Le fichier d'inventaire a été refusé : son analyse a échoué…",
    };
    const fr = trayModel(inputs({ inventory }));
    expect(fr.tooltip.split('\n')[0]).toBe('Vigie — fichier d’inventaire refusé, à remplacer depuis 8 h 40');
    const en = trayModel(inputs({ inventory, language: 'en' }));
    expect(en.tooltip.split('\n')[0]).toMatch(/^Vigie — inventory file refused, to be replaced since /);
    // An ordinary invalid file keeps its wording.
    const plain = trayModel(
      inputs({ inventory: { ...inventory, message: 'Inventaire non valide : colonne absente' } }),
    );
    expect(plain.tooltip.split('\n')[0]).toBe('Vigie — inventaire non valide depuis 8 h 40');
  });

  it('never exceeds 127 characters, cutting the list of applications', () => {
    const many = window(
      '2026-12-02T02:00',
      '2026-12-02T04:00',
      Array.from({ length: 30 }, (_, i) => `Application clinique numéro ${i + 1}`),
    );
    const during = trayModel(inputs({ current: many, now: at('2026-12-02T03:00') })).tooltip;
    expect(during.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(during).toMatch(/^Vigie — plage en cours jusqu'à 4 h : Application clinique numéro 1, .*…$/);
    const offline = trayModel(inputs({ next: many, inventory: { state: 'offline', since: null } })).tooltip;
    expect(offline.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(offline.split('\n')).toEqual([
      'Vigie — inventaire hors ligne',
      expect.stringMatching(/^prochaine plage demain 2 h – 4 h : Application clinique numéro 1, .*…$/),
    ]);
  });

  it('speaks English when asked', () => {
    expect(trayModel(inputs({ language: 'en', now: at('2026-12-02T03:00'), current: LAB })).tooltip).toBe(
      'Vigie — window in progress until 4:00 a.m.: Cortex Omnitech, GestLab, Unity Real Time IUSMM',
    );
  });
});

describe('tray menu', () => {
  const ids = (m: ReturnType<typeof trayModel>) => m.menu.filter((i) => !i.separator).map((i) => i.id);

  it('has status, checklist (enabled only when pending), calendar, sync, settings, quit', () => {
    const idle = trayModel(inputs());
    expect(ids(idle)).toEqual(['status', 'checklist', 'calendar', 'sync', 'settings', 'quit']);
    expect(idle.menu.find((i) => i.id === 'status')).toMatchObject({
      label: 'Une plage de maintenance approche',
      action: null,
    });
    expect(idle.menu.find((i) => i.id === 'checklist')?.enabled).toBe(false);
    const pending = trayModel(inputs({ pendingRun: true }));
    expect(pending.menu.find((i) => i.id === 'checklist')).toMatchObject({
      enabled: true,
      action: { type: 'open', window: 'checklist' },
    });
    expect(pending.menu.find((i) => i.id === 'calendar')?.action).toEqual({ type: 'open', window: 'status' });
    expect(pending.menu.find((i) => i.id === 'settings')?.action).toEqual({ type: 'open', window: 'settings' });
  });

  it('links to the intranet only when IT set it, and hides quit when IT says so', () => {
    const model = trayModel(inputs({ intranetUrl: 'https://intranet.example.qc.ca/vigie', allowQuit: false }));
    expect(ids(model)).toEqual(['status', 'checklist', 'calendar', 'intranet', 'sync', 'settings']);
    expect(model.menu.find((i) => i.id === 'intranet')?.action).toEqual({
      type: 'link',
      url: 'https://intranet.example.qc.ca/vigie',
    });
    expect(model.menu.at(-1)?.separator).not.toBe(true);
  });
});

describe('tray states over a window (real scheduler, simulated)', () => {
  it('idle → upcoming 24 h before → in progress → verification due', () => {
    const result = simulate({
      inventory: sampleInventory(),
      profile: { site: 'IUSMM', services: ['Laboratoire'] },
      options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
      from: at('2026-11-30T00:00'),
      to: at('2026-12-03T00:00'),
    });
    expect(result.trayStates).toEqual([
      { at: '2026-11-30T00:00:00-05:00', state: 'idle' },
      { at: '2026-12-01T02:00:00-05:00', state: 'upcoming' },
      { at: '2026-12-02T02:00:00-05:00', state: 'in-progress' },
      { at: '2026-12-02T04:00:00-05:00', state: 'verification-due' },
    ]);
  });
});

describe('listNames', () => {
  it('joins names the way people write them', () => {
    expect(listNames(['A'], 'fr')).toBe('A');
    expect(listNames(['A', 'B'], 'fr')).toBe('A et B');
    expect(listNames(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'fr')).toBe('A, B, C, D, E et 2 autres');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F'], 'en')).toBe('A, B, C, D, E and 1 other');
  });
});

describe('reports waiting for the share', () => {
  it('are shown in the menu and on the tooltip’s second line, and not at all when none wait', () => {
    const waiting = trayModel(inputs({ pendingReports: 2 }));
    expect(waiting.menu.find((item) => item.id === 'reports')).toMatchObject({
      label: "2 rapports en attente d'envoi",
      enabled: false,
      action: null,
    });
    expect(waiting.tooltip.split('\n')[1]).toBe("2 rapports en attente d'envoi");
    expect(waiting.tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    const none = trayModel(inputs({ pendingReports: 0 }));
    expect(none.menu.some((item) => item.id === 'reports')).toBe(false);
    expect(none.tooltip).not.toContain('rapport');
    expect(trayModel(inputs({ pendingReports: 1, language: 'en' })).tooltip).toContain('1 report waiting to be sent');
  });
});
