/**
 * What a cancellation announcement leaves in the announced table (electron/core/scheduler/changes.ts): one flag
 * per cancelled window, kind `change`, keyed by the action, the window's span and its applications, so a restart
 * or a later inventory with the same cancellation finds it. Real scheduler and SQLite store (harness.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../shared/inventory/model';
import { sampleInventory } from '../planning/sample';
import { Harness } from './harness';

const CANCEL_GESTLAB: Inventory = {
  ...sampleInventory(),
  exceptions: [
    {
      row: 2,
      site: null,
      service: null,
      application: 'GestLab',
      from: '2026-12-02',
      to: '2026-12-02',
      action: 'cancelled',
      newWindow: null,
      reason: '',
    },
  ],
};

describe('the flag of a cancellation', () => {
  it('announced or not, one flag of kind change, keyed by action, span and applications', () => {
    const h = new Harness('2026-12-01T09:59:30').runTo('2026-12-01T10:00:00');
    if (!h.plan) throw new Error('no plan');
    h.plan = { ...h.plan, inventory: CANCEL_GESTLAB };
    h.at('2026-12-01T10:00:30').tick();
    const flags = h.store.announced.since(h.clock.now().minus({ days: 1 })).filter((f) => f.kind === 'change');
    expect(flags.map((f) => [f.key, f.kind])).toEqual([
      ['change|cancelled|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|[["Laboratoire","GestLab"]]', 'change'],
    ]);
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'change@2026-12-01T10:00']);
  });
});
