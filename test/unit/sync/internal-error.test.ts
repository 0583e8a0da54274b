/**
 * A crash inside the rule parser during a sync is logged as an error with its stack (issue 14), not as an ordinary
 * import warning. The crash is planted by making the real time-range scanner throw on one marker text.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as TimeRangeModule from '../../../shared/schedule/timerange';
import { shareWith } from './side-helpers';

vi.mock('../../../shared/schedule/timerange', async (importOriginal) => {
  const real = await importOriginal<typeof TimeRangeModule>();
  return {
    ...real,
    extractTimeRange: (text: string) => {
      if (text.includes('plantage')) throw new RangeError('planted crash in extractTimeRange');
      return real.extractTimeRange(text);
    },
  };
});

describe('sync and a crash of the rule parser', () => {
  it('keeps the row, logs an internal error with its stack, and ordinary refusals as warnings', async () => {
    const csv = [
      'Direction;Site;Service;Application;Plage de maintenance;Commentaire',
      'DSP;IUSMM;Laboratoire;GestLab;1er mercredi plantage 2h-4h;',
      'DSP;IUSMM;Laboratoire;Cobas IT;1er mercredi 25h-4h;',
      'DSP;IUSMM;Laboratoire;LIS;1er mercredi 2h-4h;',
    ].join('\r\n');
    const h = await shareWith({}, { main: { name: 'inventaire.csv', content: Buffer.from(csv) } });
    expect(h.sync.current().applications.map((a) => a.application)).toEqual(['GestLab', 'Cobas IT', 'LIS']);
    const errors = h.logged.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      message: 'sync: internal error while importing',
      data: { row: 2, name: 'RangeError', message: 'planted crash in extractTimeRange' },
    });
    expect(String(errors[0]?.data?.stack)).toMatch(/planted crash in extractTimeRange\n\s+at /);
    const warnings = h.logged.filter((l) => l.message === 'sync: import warning');
    expect(warnings.map((w) => w.data?.row)).toEqual([3]);
  });
});
