import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../shared/ipc/views';
import { serviceOptions, toDraft, toPatch } from '../../../renderer/src/settings/draft';

function view(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    values: {
      site: 'IUSMM',
      services: ['Laboratoire', 'Pharmacie'],
      serviceHours: { Pharmacie: { twentyFourSeven: false, shiftStarts: ['08:00'] } },
      reminders: [
        { kind: 'before', minutes: 30 },
        { kind: 'day-before', at: '10:00' },
      ],
      language: 'fr',
      inventorySource: null,
    },
    locked: {},
    choices: { sites: ['HMR', 'IUSMM'], servicesBySite: { IUSMM: ['Laboratoire', 'Pharmacie'], HMR: ['Urgence'] } },
    needsProfile: false,
    ...overrides,
  };
}

describe('settings draft', () => {
  it('sends nothing when nothing changed (reminder order included)', () => {
    const v = view();
    expect(toPatch(toDraft(v.values), v)).toEqual({ patch: {}, problems: [] });
  });

  it('sends only the keys that changed', () => {
    const v = view();
    const draft = { ...toDraft(v.values), services: ['Laboratoire'], language: 'en' as const };
    const { patch, problems } = toPatch(draft, v);
    expect(problems).toEqual([]);
    // Pharmacie's override goes with the service.
    expect(patch).toEqual({ services: ['Laboratoire'], serviceHours: {}, language: 'en' });
  });

  it('never sends a locked key, even if the draft differs', () => {
    const v = view({ locked: { site: 'Fixé par la GPO', language: 'Fixé par la GPO' } });
    const draft = { ...toDraft(v.values), site: 'HMR', language: 'en' as const };
    expect(toPatch(draft, v).patch).toEqual({});
  });

  it('asks for a site and a service on first start', () => {
    const v = view({ needsProfile: true });
    v.values = { ...v.values, site: null, services: [], serviceHours: {} };
    expect(toPatch(toDraft(v.values), v).problems.map((p) => p.key)).toEqual([
      'settings.invalid.site',
      'settings.invalid.services',
    ]);
  });

  it('turns hours modes into overrides and checks the shift times', () => {
    const v = view();
    const draft = toDraft(v.values);
    draft.hours.Laboratoire = { mode: '247', shiftStarts: [] };
    draft.hours.Pharmacie = { mode: 'shifts', shiftStarts: ['16:00', '08:00', '08:00'] };
    expect(toPatch(draft, v).patch.serviceHours).toEqual({
      Laboratoire: { twentyFourSeven: true, shiftStarts: [] },
      Pharmacie: { twentyFourSeven: false, shiftStarts: ['08:00', '16:00'] },
    });
    // Times as people type them here are tidied to HH:MM; what is not a time is refused.
    draft.hours.Pharmacie = { mode: 'shifts', shiftStarts: ['8h', '16 h 30', '0000'] };
    expect(toPatch(draft, v)).toMatchObject({
      problems: [],
      patch: { serviceHours: { Pharmacie: { twentyFourSeven: false, shiftStarts: ['00:00', '08:00', '16:30'] } } },
    });
    for (const bad of ['25:00', '8 h du matin', '', '12:75']) {
      draft.hours.Pharmacie = { mode: 'shifts', shiftStarts: ['08:00', bad] };
      expect(toPatch(draft, v).problems, bad).toEqual([
        { key: 'settings.invalid.shift', params: { service: 'Pharmacie' } },
      ]);
    }
    draft.hours.Pharmacie = { mode: 'inventory', shiftStarts: [] };
    expect(toPatch(draft, v).patch.serviceHours).toEqual({ Laboratoire: { twentyFourSeven: true, shiftStarts: [] } });
  });

  it('reads the day-before time as typed (10 h, 7h30) and refuses what is not a time', () => {
    const v = view();
    const draft = toDraft(v.values);
    draft.dayBefore = { enabled: true, at: '7h30' };
    expect(toPatch(draft, v)).toMatchObject({
      problems: [],
      patch: { reminders: expect.arrayContaining([{ kind: 'day-before', at: '07:30' }]) },
    });
    draft.dayBefore = { enabled: true, at: '7 heures et demie' };
    expect(toPatch(draft, v).problems).toEqual([{ key: 'settings.invalid.dayBefore' }]);
  });

  it('validates reminders and the inventory source', () => {
    const v = view();
    const draft = { ...toDraft(v.values), before: ['0'], sourceMode: 'custom' as const, sourcePath: '  ' };
    expect(toPatch(draft, v).problems.map((p) => p.key)).toEqual([
      'settings.invalid.before',
      'settings.invalid.source',
    ]);
    const ok = {
      ...toDraft(v.values),
      dayBefore: { enabled: false, at: '10:00' },
      before: ['15', '60'],
      sourceMode: 'custom' as const,
      sourcePath: ' \\\\serveur\\partage\\inventaire.xlsx ',
    };
    expect(toPatch(ok, v).patch).toEqual({
      reminders: [
        { kind: 'before', minutes: 15 },
        { kind: 'before', minutes: 60 },
      ],
      inventorySource: '\\\\serveur\\partage\\inventaire.xlsx',
    });
  });

  it('offers the site services plus any already chosen', () => {
    const v = view();
    expect(serviceOptions(v, 'IUSMM', ['Laboratoire', 'Ancien service'])).toEqual([
      'Laboratoire',
      'Pharmacie',
      'Ancien service',
    ]);
    expect(serviceOptions(v, null, [])).toEqual([]);
  });
});
