import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { InventoryStateView } from '../../../shared/ipc/views';
import {
  DEFAULT_POLL_MINUTES,
  describeInventoryState,
  isLockFile,
  parseSource,
  POLL_JITTER,
} from '../../../electron/core/sync';
import { harness } from './helpers';

describe('poll schedule', () => {
  it('is due at once, then every 5 minutes plus up to 20 % jitter', async () => {
    const randoms = [0, 0.999999, 0.25, 0.5];
    const h = harness({ random: () => randoms.shift() ?? 0 });
    expect(+h.sync.dueAt()).toBe(+h.clock.now());
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await h.sync.syncNow();
      delays.push(h.sync.dueAt().diff(h.clock.now()).as('milliseconds'));
      h.clock.set(h.sync.dueAt());
    }
    const base = DEFAULT_POLL_MINUTES * 60_000;
    expect(delays[0]).toBe(base);
    expect(delays[1]).toBeLessThanOrEqual(base * (1 + POLL_JITTER));
    expect(delays[1]).toBeGreaterThan(base * 1.19);
    expect(delays[2]).toBe(base * 1.05);
    expect(delays[3]).toBe(base * 1.1);
  });

  it('stays within bounds for any random value and follows IT poll minutes', async () => {
    let r = 0;
    const h = harness({ random: () => (r = (r + 0.137) % 1), pollMinutes: () => 10 });
    for (let i = 0; i < 20; i++) {
      await h.sync.syncNow();
      const delay = h.sync.dueAt().diff(h.clock.now()).as('minutes');
      expect(delay).toBeGreaterThanOrEqual(10);
      expect(delay).toBeLessThan(12);
      h.clock.set(h.sync.dueAt());
    }
  });

  it('two simultaneous sync requests share one attempt', async () => {
    const h = harness();
    const [a, b] = await Promise.all([h.sync.syncNow(), h.sync.syncNow()]);
    expect(a).toBe(b);
    expect(h.fs.reads).toHaveLength(1);
    expect(h.store.syncLog.recent()).toHaveLength(1);
  });
});

describe('source strings', () => {
  const opts = { embeddedPath: '/app/assets/inventaire-par-defaut.csv' };

  it('recognises embedded, paths, UNC, file: and https sources', () => {
    expect(parseSource(null, opts)).toEqual({ kind: 'file', label: 'embedded', path: opts.embeddedPath });
    expect(parseSource('  ', opts)).toMatchObject({ label: 'embedded' });
    expect(parseSource('\\\\serveur\\partage\\inventaire.xlsx', opts)).toEqual({
      kind: 'file',
      label: '\\\\serveur\\partage\\inventaire.xlsx',
      path: '\\\\serveur\\partage\\inventaire.xlsx',
    });
    expect(parseSource('file:///srv/inventaire.csv', opts)).toMatchObject({
      kind: 'file',
      path: '/srv/inventaire.csv',
    });
    expect(parseSource('https://intranet.example/inventaire.xlsx', opts)).toMatchObject({ kind: 'http' });
  });

  it('refuses plain http (except 127.0.0.1 for tests) and other schemes', () => {
    expect(parseSource('http://intranet/inventaire.csv', opts)).toMatchObject({ kind: 'bad' });
    expect(parseSource('http://127.0.0.1:8080/i.csv', opts)).toMatchObject({ kind: 'bad' });
    expect(parseSource('http://127.0.0.1:8080/i.csv', { ...opts, allowLocalHttp: true })).toMatchObject({
      kind: 'http',
    });
    expect(parseSource('http://intranet/i.csv', { ...opts, allowLocalHttp: true })).toMatchObject({ kind: 'bad' });
    expect(parseSource('ftp://serveur/i.csv', opts)).toMatchObject({ kind: 'bad' });
  });

  it('knows Excel lock files', () => {
    expect(isLockFile('~$inventaire.xlsx')).toBe(true);
    expect(isLockFile('inventaire.xlsx')).toBe(false);
  });
});

describe('state wording for the tray', () => {
  const view = (over: Partial<InventoryStateView>): InventoryStateView => ({
    state: 'ok',
    source: 'embedded',
    publishedAt: null,
    syncedAt: null,
    since: null,
    message: null,
    applications: 18,
    ...over,
  });
  const now = DateTime.fromISO('2026-03-05T14:00:00', { zone: 'America/Toronto' });

  it('says since when, the Québec way', () => {
    expect(describeInventoryState(view({}), now)).toBeNull();
    expect(describeInventoryState(view({ state: 'offline', since: '2026-03-05T10:05:00-05:00' }), now)).toBe(
      'Inventaire hors ligne depuis 10 h 05',
    );
    expect(describeInventoryState(view({ state: 'invalid', since: '2026-03-03T15:00:00.000Z' }), now)).toBe(
      'Inventaire non valide depuis le 3 mars à 10 h 00',
    );
  });
});
