// The one reader of typed times of day (shared/text/hhmm.ts), used by the import, the settings form, the planner
// (shift starts, day-before reminders) and the contact rules.
import { describe, expect, it } from 'vitest';
import { spanMinutes } from '../../../shared/escalation/rules';
import { CANONICAL_HHMM, formatHhmm, parseHhmm, parseTimeOfDay } from '../../../shared/text/hhmm';

describe('parseHhmm / parseTimeOfDay', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:00', '08:00'],
    [' 8:00 ', '08:00'],
    ['8h', '08:00'],
    ['8 H 30', '08:30'],
    ['16h00', '16:00'],
    ['0730', '07:30'],
    ['8', '08:00'],
    ['23:59', '23:59'],
    ['0:00', '00:00'],
    ['24:00', '00:00'],
    // Full-width digits and a narrow NBSP fold like any other text (shared/text/fold.ts).
    ['\uff18\u202fh', '08:00'],
    ['24:30', null],
    ['25:00', null],
    ['8:75', null],
    ['8:5', null],
    ['123:00', null],
    ['matin', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseHhmm(text)).toBe(expected);
    const t = parseTimeOfDay(text);
    expect(t === null ? null : formatHhmm(t)).toBe(expected);
  });

  it('every canonical HH:MM reads back as itself, and nothing else is canonical', () => {
    for (let h = 0; h < 24; h++) {
      for (let m = 0; m < 60; m++) {
        const text = formatHhmm({ hour: h, minute: m });
        expect(CANONICAL_HHMM.test(text)).toBe(true);
        expect(parseHhmm(text)).toBe(text);
      }
    }
    for (const text of ['8:00', '24:00', '08h00', '0800', '23:60']) expect(CANONICAL_HHMM.test(text)).toBe(false);
  });

  it('the contact rules read their hours with the same parser', () => {
    const rule = { from: '22h', to: '7 h', site: null, service: null } as Parameters<typeof spanMinutes>[0];
    expect(spanMinutes(rule)).toBe(9 * 60);
    expect(spanMinutes({ ...rule, to: 'midi' })).toBeNull();
  });
});
