import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../shared/inventory/model';
import { ManualClock } from '../../../electron/core/clock';
import { openStore, type Store } from '../../../electron/core/store';
import { tempDir } from './tmp';

const ZONE = 'America/Toronto';
let clock: ManualClock;
let dir: string;
let store: Store;

function inventory(rows: number, publishedAt: string | null = '2026-02-01'): Inventory {
  return {
    publishedAt,
    applications: Array.from({ length: rows }, (_, i) => ({
      row: i + 5,
      direction: 'DSP',
      site: 'IUSMM',
      service: 'Laboratoire',
      application: `App ${i}`,
      scheduleText: '1er mercredi 2h-4h',
      schedule: { status: 'to-be-determined' as const, raw: 'À venir' },
      comment: '',
      transfers: null,
    })),
    services: [],
    contacts: [],
    hosts: [],
  };
}

beforeEach(() => {
  clock = new ManualClock('2026-03-05T10:15:00', ZONE);
  dir = tempDir();
  store = openStore({ dir, clock });
});
afterEach(() => store.close());

describe('inventory versions', () => {
  it('saves a version as current, with its metadata and content', () => {
    expect(store.inventory.current()).toBeNull();
    const saved = store.inventory.saveCurrent({
      source: '\\\\serveur\\partage\\inventaire.xlsx',
      hash: 'abc',
      inventory: inventory(3),
      meta: { size: 1234, mtimeMs: 1700000000000 },
      fetchedAt: clock.now(),
    });
    expect(saved).toMatchObject({
      source: '\\\\serveur\\partage\\inventaire.xlsx',
      hash: 'abc',
      rowCount: 3,
      publishedAt: '2026-02-01',
      fetchedAt: '2026-03-05T15:15:00.000Z',
      confirmedAt: '2026-03-05T15:15:00.000Z',
      meta: { size: 1234, mtimeMs: 1700000000000 },
      isCurrent: true,
    });
    expect(store.inventory.current()?.inventory).toEqual(inventory(3));
  });

  it('reads rows with the same schedule text back sharing one parsed schedule (as the importer makes them)', () => {
    const saved = inventory(4);
    const other = { status: 'not-affected' as const, raw: 'Pas touché' };
    saved.applications[3] = { ...saved.applications[3]!, scheduleText: 'Pas touché', schedule: other };
    store.inventory.saveCurrent({ source: 's', hash: 'h', inventory: saved, meta: {}, fetchedAt: clock.now() });
    const apps = store.inventory.current()!.inventory.applications;
    expect(apps[1]!.schedule).toBe(apps[0]!.schedule);
    expect(apps[2]!.schedule).toBe(apps[0]!.schedule);
    expect(apps[3]!.schedule).not.toBe(apps[0]!.schedule);
    expect(apps[3]!.schedule).toEqual(other);
    expect(apps.map((a) => a.schedule)).toEqual(saved.applications.map((a) => a.schedule));
  });

  it('keeps exactly one current version and only a few previous ones', () => {
    for (let i = 1; i <= 8; i++) {
      clock.advance({ minutes: 5 });
      store.inventory.saveCurrent({
        source: 's',
        hash: `h${i}`,
        inventory: inventory(i),
        meta: {},
        fetchedAt: clock.now(),
      });
    }
    const versions = store.inventory.list();
    expect(versions.filter((v) => v.isCurrent).map((v) => v.hash)).toEqual(['h8']);
    expect(versions.map((v) => v.hash)).toEqual(['h8', 'h7', 'h6', 'h5', 'h4']);
    expect(store.inventory.currentVersion()?.rowCount).toBe(8);
  });

  it('confirms the current version (time and new stat) without changing its content', () => {
    store.inventory.saveCurrent({
      source: 's',
      hash: 'h',
      inventory: inventory(2),
      meta: { size: 1 },
      fetchedAt: clock.now(),
    });
    clock.advance({ hours: 2 });
    store.inventory.confirmCurrent(clock.now(), { size: 1, mtimeMs: 42 });
    expect(store.inventory.currentVersion()).toMatchObject({
      confirmedAt: '2026-03-05T17:15:00.000Z',
      fetchedAt: '2026-03-05T15:15:00.000Z',
      meta: { size: 1, mtimeMs: 42 },
    });
    clock.advance({ hours: 1 });
    store.inventory.confirmCurrent(clock.now());
    expect(store.inventory.currentVersion()?.meta).toEqual({ size: 1, mtimeMs: 42 });
  });
});

describe('sync log', () => {
  const add = (outcome: 'ok' | 'unchanged' | 'offline' | 'invalid' | 'rejected', message: string | null = null) => {
    store.syncLog.add({ at: clock.now(), source: 's', outcome, message });
    clock.advance({ minutes: 5 });
  };

  it('finds the first failure of the current streak', () => {
    expect(store.syncLog.streak()).toEqual({ last: null, lastSuccess: null, firstFailure: null });
    add('ok');
    add('offline', 'a');
    add('unchanged');
    add('offline', 'b'); // 10:30
    add('invalid', 'c');
    const streak = store.syncLog.streak();
    expect(streak.last?.message).toBe('c');
    expect(streak.lastSuccess?.outcome).toBe('unchanged');
    expect(streak.firstFailure).toMatchObject({ message: 'b', at: '2026-03-05T15:30:00.000Z' });
    add('ok');
    expect(store.syncLog.streak().firstFailure).toBeNull();
    expect(store.syncLog.recent(2).map((e) => e.outcome)).toEqual(['ok', 'invalid']);
  });

  it('a failure streak since the very first attempt starts at that attempt', () => {
    add('offline', 'x');
    add('offline', 'y');
    expect(store.syncLog.streak().firstFailure?.message).toBe('x');
  });
});

describe('settings', () => {
  it('stores JSON values, updates and deletes them in one call', () => {
    store.settings.setMany({ site: 'IUSMM', services: ['Urgence', 'Pharmacie'], language: 'fr' });
    store.settings.setMany({ language: 'en', site: undefined });
    expect(store.settings.all()).toEqual({ language: 'en', services: ['Urgence', 'Pharmacie'] });
    expect(store.settings.get('missing')).toBeUndefined();
    store.settings.delete('language');
    expect(store.settings.get('language')).toBeUndefined();
  });
});

describe('announced flags', () => {
  it('announces a key once, also after a restart', () => {
    const event = { key: 'start|2026-04-01T06:00:00.000Z|2026-04-01T08:00:00.000Z', kind: 'start' };
    const at = DateTime.fromISO('2026-04-01T02:00:00', { zone: ZONE });
    expect(store.announced.mark({ ...event, at, announcedAt: clock.now() })).toBe(true);
    expect(store.announced.mark({ ...event, at, announcedAt: clock.now() })).toBe(false);
    store.close();
    store = openStore({ dir, clock });
    expect(store.announced.has(event.key)).toBe(true);
    expect(store.announced.mark({ ...event, at, announcedAt: clock.now() })).toBe(false);
    expect(store.announced.since(at.minus({ days: 1 }))).toEqual([
      { ...event, at: '2026-04-01T06:00:00.000Z', announcedAt: '2026-03-05T15:15:00.000Z' },
    ]);
  });

  it('marks several flags at once and prunes old ones', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
    const added = store.announced.markAll([
      { key: 'a', kind: 'start', at: at('2026-01-07T02:00'), announcedAt: clock.now() },
      { key: 'b', kind: 'end', at: at('2026-01-07T04:00'), announcedAt: clock.now() },
      { key: 'c', kind: 'catch-up', at: at('2026-03-04T04:00'), announcedAt: clock.now() },
    ]);
    expect(added).toBe(3);
    expect(
      store.announced.markAll([{ key: 'a', kind: 'start', at: at('2026-01-07T02:00'), announcedAt: clock.now() }]),
    ).toBe(0);
    expect(store.announced.prune(at('2026-02-01T00:00'))).toBe(2);
    expect(['a', 'b', 'c'].map((k) => store.announced.has(k))).toEqual([false, false, true]);
  });
});

describe('checklists', () => {
  const windowStart = DateTime.fromISO('2026-03-04T02:00', { zone: ZONE });
  const windowEnd = DateTime.fromISO('2026-03-04T04:00', { zone: ZONE });
  const newRun = () =>
    store.checklists.createRun({
      windowStart,
      windowEnd,
      site: 'IUSMM',
      services: ['Laboratoire'],
      items: [
        { application: 'GestLab', service: 'Laboratoire', checkId: 'starts' },
        { application: 'Cortex Omnitech', service: 'Laboratoire', checkId: 'starts' },
        { application: 'Cortex Omnitech', service: 'Laboratoire', checkId: 'transfers' },
      ],
    });

  it('creates a run with its items, open and unanswered', () => {
    const run = newRun();
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run).toMatchObject({
      windowStart: '2026-03-04T07:00:00.000Z',
      windowEnd: '2026-03-04T09:00:00.000Z',
      site: 'IUSMM',
      services: ['Laboratoire'],
      status: 'open',
      submittedAt: null,
      submittedBy: null,
      createdAt: '2026-03-05T15:15:00.000Z',
    });
    expect(run.items.map((i) => [i.application, i.checkId, i.result, i.restart, i.comment, i.contact])).toEqual([
      ['GestLab', 'starts', null, null, '', null],
      ['Cortex Omnitech', 'starts', null, null, '', null],
      ['Cortex Omnitech', 'transfers', null, null, '', null],
    ]);
    expect(store.checklists.findByWindow(windowStart, windowEnd)?.id).toBe(run.id);
    expect(store.checklists.findByWindow(windowStart, windowEnd.plus({ hours: 1 }))).toBeNull();
  });

  it('records answers, restart outcome and contact; clearing a problem forgets its restart', () => {
    const run = newRun();
    clock.advance({ minutes: 3 });
    expect(store.checklists.setResult(run.id, 'GestLab', 'starts', 'problem', "Ne s'ouvre pas")).toBe(true);
    expect(store.checklists.setRestart(run.id, 'GestLab', 'starts', 'not-fixed')).toBe(true);
    expect(store.checklists.setContact(run.id, 'GestLab', 'starts', { name: 'CDA', phone: '514 555-0100' })).toBe(true);
    let item = store.checklists.getRun(run.id)?.items[0];
    expect(item).toMatchObject({
      result: 'problem',
      comment: "Ne s'ouvre pas",
      restart: 'not-fixed',
      contact: { name: 'CDA', phone: '514 555-0100' },
      updatedAt: '2026-03-05T15:18:00.000Z',
    });
    expect(store.checklists.getRun(run.id)?.updatedAt).toBe('2026-03-05T15:18:00.000Z');
    store.checklists.setResult(run.id, 'GestLab', 'starts', 'ok');
    item = store.checklists.getRun(run.id)?.items[0];
    expect(item).toMatchObject({ result: 'ok', comment: "Ne s'ouvre pas", restart: null });
    store.checklists.setResult(run.id, 'GestLab', 'starts', null, '');
    expect(store.checklists.getRun(run.id)?.items[0]).toMatchObject({ result: null, comment: '' });
    expect(store.checklists.setResult(run.id, 'Inconnue', 'starts', 'ok')).toBe(false);
  });

  it('submits once; a submitted run no longer changes', () => {
    const run = newRun();
    store.checklists.setResult(run.id, 'GestLab', 'starts', 'ok');
    clock.advance({ minutes: 10 });
    expect(store.checklists.submit(run.id, 'M.T.')).toBe(true);
    expect(store.checklists.submit(run.id, 'X')).toBe(false);
    expect(store.checklists.setResult(run.id, 'GestLab', 'starts', 'problem')).toBe(false);
    expect(store.checklists.setRestart(run.id, 'GestLab', 'starts', 'fixed')).toBe(false);
    expect(store.checklists.getRun(run.id)).toMatchObject({
      status: 'submitted',
      submittedBy: 'M.T.',
      submittedAt: '2026-03-05T15:25:00.000Z',
    });
    expect(store.checklists.getRun(run.id)?.items[0]?.result).toBe('ok');
    expect(store.checklists.getRun('nope')).toBeNull();
  });

  it('lists runs newest window first, by status', () => {
    const older = store.checklists.createRun({
      windowStart: windowStart.minus({ months: 1 }),
      windowEnd: windowEnd.minus({ months: 1 }),
      site: 'IUSMM',
      services: ['Pharmacie'],
      items: [],
    });
    const newer = newRun();
    store.checklists.submit(older.id, 'AB');
    expect(store.checklists.listRuns().map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(store.checklists.listRuns({ status: 'open' }).map((r) => r.id)).toEqual([newer.id]);
    expect(store.checklists.listRuns({ status: 'submitted', limit: 5 }).map((r) => r.id)).toEqual([older.id]);
    expect(store.checklists.listRuns({ limit: 1 })).toHaveLength(1);
  });
});

describe('outbox', () => {
  it('delivers due entries and backs off failed ones', () => {
    const a = store.outbox.enqueue('report', { runId: 'r1' });
    const b = store.outbox.enqueue('report', { runId: 'r2' });
    expect(a).toMatchObject({ kind: 'report', payload: { runId: 'r1' }, attempts: 0, deliveredAt: null });
    expect(store.outbox.due(clock.now()).map((e) => e.id)).toEqual([a.id, b.id]);
    expect(store.outbox.pendingCount()).toBe(2);

    const failed = store.outbox.markFailed(a.id, 'Partage inaccessible');
    expect(failed).toMatchObject({
      attempts: 1,
      lastError: 'Partage inaccessible',
      nextAttemptAt: '2026-03-05T15:16:00.000Z',
    });
    expect(store.outbox.markFailed(a.id, 'encore')?.nextAttemptAt).toBe('2026-03-05T15:17:00.000Z');
    expect(store.outbox.markDelivered(b.id)).toBe(true);
    expect(store.outbox.markDelivered(b.id)).toBe(false);

    expect(store.outbox.due(clock.now())).toEqual([]);
    clock.advance({ minutes: 2 });
    expect(store.outbox.due(clock.now()).map((e) => e.id)).toEqual([a.id]);
    expect(store.outbox.pendingCount()).toBe(1);
    expect(store.outbox.markFailed(b.id, 'x')?.attempts).toBe(0); // delivered entries are left alone
  });

  it('caps the backoff at one hour and accepts a custom one', () => {
    const e = store.outbox.enqueue('report', {});
    for (let i = 0; i < 10; i++) store.outbox.markFailed(e.id, 'x');
    expect(store.outbox.get(e.id)?.nextAttemptAt).toBe('2026-03-05T16:15:00.000Z');
    expect(store.outbox.markFailed(e.id, 'x', clock.now(), () => ({ seconds: 10 }))?.nextAttemptAt).toBe(
      '2026-03-05T15:15:10.000Z',
    );
  });

  it('survives a restart', () => {
    const e = store.outbox.enqueue('report', { runId: 'r' });
    store.close();
    store = openStore({ dir, clock });
    expect(store.outbox.due(clock.now()).map((x) => x.id)).toEqual([e.id]);
  });
});
