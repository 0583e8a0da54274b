import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../../renderer/src/hooks/useRoute';

describe('parseRoute', () => {
  it('reads the three windows, the banner and the optional run id', () => {
    expect(parseRoute('#/status')).toEqual({ name: 'status' });
    expect(parseRoute('#/banner')).toEqual({ name: 'banner' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/checklist')).toEqual({ name: 'checklist', runId: null });
    expect(parseRoute('#/checklist/run-42')).toEqual({ name: 'checklist', runId: 'run-42' });
  });

  it('falls back to the pending checklist for anything else', () => {
    expect(parseRoute('')).toEqual({ name: 'checklist', runId: null });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'checklist', runId: null });
    expect(parseRoute('#/checklist/%E0%A4%A')).toEqual({ name: 'checklist', runId: null });
  });

  it('round-trips run ids with reserved characters', () => {
    const route = { name: 'checklist', runId: '2026-12-02T02:00/04:00 #1' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref({ name: 'checklist', runId: null })).toBe('#/checklist');
    expect(routeHref({ name: 'status' })).toBe('#/status');
  });
});
