/** The toasts' words (electron/core/scheduler/messages.ts), each form and boundary, in French and English. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  catchUpNotification,
  checklistNotification,
  endNotification,
  listNames,
  reminderNotification,
  startNotification,
  type WindowFacts,
} from '../../../electron/core/scheduler/messages';
import { ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const win = (apps: string[], start = '2026-12-02T02:00', end = '2026-12-02T04:00'): WindowFacts => ({
  start: at(start),
  end: at(end),
  applications: apps,
});
const fr = (now: string) => ({ now: at(now), zone: ZONE, lang: 'fr' as const });
const en = (now: string) => ({ now: at(now), zone: ZONE, lang: 'en' as const });

describe('listNames', () => {
  it('joins one to five names, then counts the others (singular and plural)', () => {
    expect(listNames([], 'fr')).toBe('');
    expect(listNames(['A'], 'fr')).toBe('A');
    expect(listNames(['A', 'B'], 'fr')).toBe('A et B');
    expect(listNames(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(listNames(['A', 'B', 'C', 'D', 'E'], 'fr')).toBe('A, B, C, D et E');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F'], 'fr')).toBe('A, B, C, D, E et 1 autre');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'fr')).toBe('A, B, C, D, E et 2 autres');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F'], 'en')).toBe('A, B, C, D, E and 1 other');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'en')).toBe('A, B, C, D, E and 2 others');
    expect(listNames(['A', 'B', 'C'], 'fr', 2)).toBe('A, B et 1 autre');
  });
});

describe('reminder', () => {
  it('says when: at the hour today or within 12 hours, tomorrow, or the date', () => {
    expect(reminderNotification(win(['A']), fr('2026-12-02T01:30')).title).toBe('Plage de maintenance à 2 h');
    // 23:30 the day before a 02:00 window: within 12 hours, not "demain".
    expect(reminderNotification(win(['A']), fr('2026-12-01T14:00:01')).title).toBe('Plage de maintenance à 2 h');
    expect(reminderNotification(win(['A']), fr('2026-12-01T14:00')).title).toBe('Plage de maintenance demain');
    expect(reminderNotification(win(['A']), fr('2026-11-30T10:00')).title).toBe(
      'Plage de maintenance le mercredi 2 décembre',
    );
    expect(reminderNotification(win(['A']), en('2026-12-02T01:30')).title).toBe('Maintenance window at 2:00 a.m.');
    expect(reminderNotification(win(['A']), en('2026-12-01T10:00')).title).toBe('Maintenance window tomorrow');
    expect(reminderNotification(win(['A']), en('2026-11-30T10:00')).title).toBe(
      'Maintenance window on Wednesday, December 2',
    );
  });

  it('names what will be unavailable, singular and plural, and what to do', () => {
    const one = reminderNotification(win(['GestLab']), fr('2026-12-01T10:00'));
    expect(one).toEqual({
      kind: 'reminder',
      opens: 'status',
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
      title: 'Plage de maintenance demain',
      body: 'GestLab sera indisponible de 2 h à 4 h. Préparez votre plan de continuité.',
    });
    expect(reminderNotification(win(['A', 'B']), fr('2026-12-01T10:00')).body).toBe(
      'A et B seront indisponibles de 2 h à 4 h. Préparez votre plan de continuité.',
    );
    expect(reminderNotification(win(['A', 'B']), en('2026-12-01T10:00')).body).toBe(
      'A and B will be unavailable from 2:00 a.m. to 4:00 a.m. Get your continuity plan ready.',
    );
  });
});

describe('start', () => {
  it('until the end: the hour within 20 hours, else the date and hour', () => {
    expect(startNotification(win(['A']), fr('2026-12-02T02:00')).body).toBe(
      "Application A indisponible jusqu'à 4 h — déployez votre plan de continuité ; les autres applications " +
        'restent disponibles.',
    );
    const long = win(['A', 'B'], '2026-12-02T02:00', '2026-12-02T22:00');
    expect(startNotification(long, fr('2026-12-02T02:00:01')).body).toMatch(
      /^Applications A et B indisponibles jusqu'à 22 h —/,
    );
    expect(startNotification(long, fr('2026-12-02T02:00')).body).toMatch(
      /^Applications A et B indisponibles jusqu'au mercredi 2 décembre à 22 h —/,
    );
    expect(startNotification(long, en('2026-12-02T02:00')).body).toBe(
      'A and B unavailable until Wednesday, December 2, 10:00 p.m. — deploy your continuity plan; other ' +
        'applications remain available.',
    );
    expect(startNotification(win(['A']), en('2026-12-02T02:00'))).toMatchObject({
      kind: 'start',
      opens: 'status',
      title: 'Maintenance window in progress',
      body: 'A unavailable until 4:00 a.m. — deploy your continuity plan; other applications remain available.',
    });
  });

  it('already under way after a sleep', () => {
    expect(startNotification(win(['A']), fr('2026-12-02T03:00'), true)).toMatchObject({
      title: 'Plage de maintenance en cours',
      body:
        "La plage de maintenance est en cours jusqu'à 4 h : A est indisponible — déployez votre plan de " +
        'continuité ; les autres applications restent disponibles.',
    });
    expect(startNotification(win(['A', 'B']), fr('2026-12-02T03:00'), true).body).toContain(
      ': A et B sont indisponibles —',
    );
    expect(startNotification(win(['A']), en('2026-12-02T03:00'), true).body).toBe(
      'The maintenance window is in progress until 4:00 a.m.: A is unavailable — deploy your continuity plan; ' +
        'other applications remain available.',
    );
    expect(startNotification(win(['A', 'B']), en('2026-12-02T03:00'), true).body).toContain(
      ': A and B are unavailable —',
    );
  });
});

describe('end, checklist and catch-up', () => {
  it('end: verify the applications', () => {
    expect(endNotification(win(['A', 'B']), fr('2026-12-02T04:00'))).toEqual({
      kind: 'end',
      opens: 'status',
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
      title: 'Plage de maintenance terminée',
      body: 'Plage terminée — veuillez vérifier les applications : A et B.',
    });
    expect(endNotification(win(['A']), en('2026-12-02T04:00'))).toMatchObject({
      title: 'Maintenance window over',
      body: 'Window over — please verify the applications: A.',
    });
  });

  it('checklist: the window without its day when it is today, with it otherwise', () => {
    expect(checklistNotification(win(['A']), fr('2026-12-02T04:00'))).toMatchObject({
      kind: 'checklist',
      opens: 'checklist',
      title: 'Vérification à faire',
      body: 'Vérifiez A après la plage de 2 h – 4 h. La liste de vérification est ouverte.',
    });
    expect(checklistNotification(win(['A']), fr('2026-12-03T08:00')).body).toBe(
      'Vérifiez A après la plage du mercredi 2 décembre, 2 h – 4 h. La liste de vérification est ouverte.',
    );
    expect(checklistNotification(win(['A']), en('2026-12-02T04:00'))).toMatchObject({
      title: 'Verification due',
      body: 'Check A after the 2:00 – 4:00 a.m. window. The checklist is open.',
    });
    expect(checklistNotification(win(['A']), en('2026-12-03T08:00')).body).toBe(
      'Check A after the Wednesday, December 2, 2:00 – 4:00 a.m. window. The checklist is open.',
    );
  });

  it('catch-up: one toast that opens the checklist', () => {
    expect(catchUpNotification(win(['A', 'B']), fr('2026-12-02T09:00'))).toMatchObject({
      kind: 'catch-up',
      opens: 'checklist',
      title: 'Plage de maintenance terminée',
      body: 'La plage de 2 h – 4 h est terminée : vérifiez maintenant les applications (A et B).',
    });
    expect(catchUpNotification(win(['A']), fr('2026-12-03T09:00')).body).toBe(
      'La plage du mercredi 2 décembre, 2 h – 4 h est terminée : vérifiez maintenant les applications (A).',
    );
    expect(catchUpNotification(win(['A']), en('2026-12-02T09:00'))).toMatchObject({
      title: 'Maintenance window over',
      body: 'The 2:00 – 4:00 a.m. window is over: verify the applications now (A).',
    });
  });
});
