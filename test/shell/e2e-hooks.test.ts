/** The test-only hooks of electron/shell/e2e-hooks.ts: never in a packaged app, and the toast record is real. */
import { describe, expect, it } from 'vitest';
import { e2eHooksEnabled, E2E_HOOKS_ENV, recordingBackend } from '../../electron/shell/e2e-hooks';
import type { ToastRecord } from '../../electron/shell/e2e-hooks';
import type { NotifierBackend } from '../../electron/core/notify';

describe('e2e hooks', () => {
  it('are installed only for an unpackaged app run with VIGIE_E2E_HOOKS=1', () => {
    expect(e2eHooksEnabled(false, { [E2E_HOOKS_ENV]: '1' })).toBe(true);
    expect(e2eHooksEnabled(true, { [E2E_HOOKS_ENV]: '1' })).toBe(false);
    expect(e2eHooksEnabled(false, {})).toBe(false);
    expect(e2eHooksEnabled(false, { [E2E_HOOKS_ENV]: 'true' })).toBe(false);
  });

  it('record what node-notifier was given and what it answered, and still pass the answer on', () => {
    let answer: ((error: Error | null, response: string) => void) | undefined;
    const inner: NotifierBackend = {
      notify: (_options, callback) => {
        answer = callback;
      },
    };
    const records: ToastRecord[] = [];
    const seen: string[] = [];
    recordingBackend(inner, records).notify({ title: 'T' }, (error, response) =>
      seen.push(`${error?.message ?? 'ok'}:${response}`),
    );
    expect(records).toEqual([{ options: { title: 'T' }, outcome: null }]);
    answer?.(new Error('spawn ENOENT'), '');
    expect(records[0]?.outcome).toEqual({ error: 'spawn ENOENT', response: '' });
    expect(seen).toEqual(['spawn ENOENT:']);
  });
});
