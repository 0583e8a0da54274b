/**
 * The banner model on the real store (SQLite in a temp folder), the real planner and a ManualClock: when a banner
 * is due, what it says, and what an acknowledgement does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { BannerModel } from '../../../electron/core/banner/model';
import type { BannerCandidate, BannerSource } from '../../../electron/core/banner/types';
import { windowBanners } from '../../../electron/core/banner/windows';
import { ManualClock } from '../../../electron/core/clock';
import { PlanCache, type PlanInput } from '../../../electron/core/scheduler/plan-cache';
import { openStore, silentLogger, type Store } from '../../../electron/core/store';
import type { Lang } from '../../../shared/i18n/format';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { app, sampleInventory, serviceInfo } from '../planning/sample';

const ZONE = 'America/Toronto';
const PLAN_URL = 'https://intranet.example.qc.ca/continuite/laboratoire';
const opened: Store[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function rig(
  start: string,
  options: { extra?: BannerSource[]; language?: Lang; apps?: ReturnType<typeof app>[] } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-banner-'));
  dirs.push(dir);
  const clock = new ManualClock(start, ZONE);
  const store = openStore({ dir, clock, log: silentLogger });
  opened.push(store);
  const base = sampleInventory();
  const plan: PlanInput = {
    inventory: {
      ...base,
      applications: [...base.applications, ...(options.apps ?? [])],
      services: [{ ...serviceInfo('Laboratoire', { twentyFourSeven: true }, 'IUSMM'), continuityPlanUrl: PLAN_URL }],
    },
    profile: { site: 'IUSMM', services: ['Laboratoire'] },
    options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
    language: 'fr',
  };
  const model = new BannerModel({
    clock,
    sources: [windowBanners(() => plan, new PlanCache()), ...(options.extra ?? [])],
    store,
    workstation: 'POSTE-LAB-01',
    language: () => options.language ?? 'fr',
    log: silentLogger,
  });
  const at = (iso: string) => {
    clock.set(iso);
    return model.current();
  };
  return { clock, store, model, at };
}

describe('banner model', () => {
  it('is due from the first instant of a window to its end, with what is down, until when, and the plan link', () => {
    const { at } = rig('2026-12-02T01:59:59');
    expect(at('2026-12-02T01:59:59')).toBeNull();
    expect(at('2026-12-02T02:00:00')).toEqual({
      key: expect.any(String),
      reason: 'window',
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
      applications: ['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM'],
      services: ['Laboratoire'],
      continuityPlanUrl: PLAN_URL,
      message: null,
      acknowledged: null,
    });
    expect(at('2026-12-02T03:59:59')?.windowEnd).toBe('2026-12-02T04:00:00-05:00');
    expect(at('2026-12-02T04:00:00')).toBeNull();
  });

  it('a window found already under way (catch-up after sleep or sign-in) is due; one that ended meanwhile is not', () => {
    const { at } = rig('2026-12-01T22:00:00');
    // Nothing was ever computed or shown before: the first look at 03:15 still finds the window.
    expect(at('2026-12-02T03:15:00')?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    const asleep = rig('2026-12-01T22:00:00');
    expect(asleep.at('2026-12-02T04:00:01')).toBeNull();
  });

  it('an acknowledgement closes it, is stored with time, workstation and initials, and a second one changes nothing', () => {
    const { at, model, store, clock } = rig('2026-12-02T02:00:30');
    const view = at('2026-12-02T02:00:30');
    if (!view) throw new Error('no banner');
    clock.set('2026-12-02T02:05:00');
    const acked = model.acknowledge({ key: view.key, initials: ' MT ' });
    expect(acked.acknowledged).toEqual({
      at: '2026-12-02T02:05:00-05:00',
      workstation: 'POSTE-LAB-01',
      initials: 'MT',
    });
    expect(model.current()).toBeNull();
    clock.set('2026-12-02T02:06:00');
    expect(model.acknowledge({ key: view.key, initials: 'XX' }).acknowledged).toEqual(acked.acknowledged);
    expect(
      store.acknowledgements.find({
        windowStart: '2026-12-02T02:00:00-05:00',
        windowEnd: '2026-12-02T04:00:00-05:00',
        site: 'IUSMM',
        noticeId: null,
      }),
    ).toMatchObject({ at: '2026-12-02T07:05:00.000Z', workstation: 'POSTE-LAB-01', initials: 'MT' });
    // Still acknowledged later in the window (the store, not memory, decides).
    expect(at('2026-12-02T03:30:00')).toBeNull();
  });

  it('accepts empty initials (a shared PC)', () => {
    const { at, model } = rig('2026-12-02T02:10:00');
    const view = at('2026-12-02T02:10:00');
    expect(model.acknowledge({ key: view?.key ?? '', initials: '' }).acknowledged?.initials).toBe('');
    expect(model.current()).toBeNull();
  });

  it('refuses an unknown key or the key of a window that has ended, with a clear message, and stores nothing', () => {
    const { at, model, clock, store } = rig('2026-12-02T03:00:00');
    const view = at('2026-12-02T03:00:00');
    if (!view) throw new Error('no banner');
    expect(() => model.acknowledge({ key: 'window||1|2', initials: 'MT' })).toThrow(
      expect.objectContaining({ code: 'not-found', message: expect.stringMatching(/n’est plus en cours/) }),
    );
    clock.set('2026-12-02T04:00:00');
    expect(() => model.acknowledge({ key: view.key, initials: 'MT' })).toThrow(/n’est plus en cours/);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM acknowledgements').get()).toEqual({ n: 0 });
    const english = rig('2026-12-02T03:00:00', { language: 'en' });
    expect(() => english.model.acknowledge({ key: view.key + 'x', initials: '' })).toThrow(/no longer current/);
  });

  it('overlapping windows: the earliest-started first; once acknowledged, the other one', () => {
    const { at, model } = rig('2026-12-02T03:00:00', {
      apps: [app('IUSMM', 'Laboratoire', 'Sysmex', '1er mercredi 3h-5h')],
    });
    const first = at('2026-12-02T03:00:00');
    expect(first?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    model.acknowledge({ key: first?.key ?? '', initials: 'MT' });
    expect(model.current()).toMatchObject({ windowStart: '2026-12-02T03:00:00-05:00', applications: ['Sysmex'] });
    expect(at('2026-12-02T05:00:00')).toBeNull();
  });

  it('takes other sources (notices) alongside windows; a failing source does not hide the others', () => {
    const notice = (now: DateTime): BannerCandidate[] =>
      (
        [
          {
            reason: 'notice',
            noticeId: 'avis-7',
            site: 'IUSMM',
            start: DateTime.fromISO('2026-12-02T01:30:00', { zone: ZONE }),
            end: DateTime.fromISO('2026-12-02T05:00:00', { zone: ZONE }),
            services: ['Laboratoire'],
            applications: ['GestLab'],
            continuityPlanUrl: null,
            message: 'Panne de GestLab : utilisez les requêtes papier.',
          },
          // A source may hand back what just ended (here: at this very instant): the model drops it.
          {
            reason: 'notice',
            noticeId: 'avis-6',
            site: 'IUSMM',
            start: DateTime.fromISO('2026-12-02T01:00:00', { zone: ZONE }),
            end: DateTime.fromISO('2026-12-02T02:30:00', { zone: ZONE }),
            services: ['Laboratoire'],
            applications: ['Cortex Omnitech'],
            continuityPlanUrl: null,
            message: 'Terminé.',
          },
        ] satisfies BannerCandidate[]
      ).filter((c) => c.start <= now);
    const broken: BannerSource = () => {
      throw new Error('share unreadable');
    };
    const { at, model } = rig('2026-12-02T02:30:00', { extra: [broken, notice] });
    const first = at('2026-12-02T02:30:00');
    expect(first).toMatchObject({ reason: 'notice', message: 'Panne de GestLab : utilisez les requêtes papier.' });
    model.acknowledge({ key: first?.key ?? '', initials: 'MT' });
    // The notice's acknowledgement does not acknowledge the window (different key).
    expect(model.current()).toMatchObject({ reason: 'window', windowStart: '2026-12-02T02:00:00-05:00' });
  });
});
