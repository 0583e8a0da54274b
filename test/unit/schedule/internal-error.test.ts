/**
 * A crash inside the rule parser is returned as an internal error, never as the author's mistake (issue 14). The
 * crash is planted by making the real day-part reader throw on one marker word; every other text goes through
 * the real code. (check-inventory's side of it: test/unit/cli/check-inventory-findings.test.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import type * as DaySpecModule from '../../../shared/schedule/dayspec';
import { asInternalError, parseSchedule } from '../../../shared/schedule/parse';

const MARKER = 'plantage';
let thrown: unknown = null;

vi.mock('../../../shared/schedule/dayspec', async (importOriginal) => {
  const real = await importOriginal<typeof DaySpecModule>();
  return {
    ...real,
    parseDaySpec: (text: string) => {
      if (text.includes(MARKER)) throw thrown;
      return real.parseDaySpec(text);
    },
  };
});

describe('parseSchedule when the parser itself crashes', () => {
  it('returns unrecognized with the raw text, a message naming the error, and the error with its stack', () => {
    thrown = new RangeError('planted crash');
    const text = `1er mercredi ${MARKER} 2h-4h`;
    const crashed = parseSchedule(text);
    expect(crashed).toEqual({
      status: 'unrecognized',
      raw: text,
      message: 'Erreur interne de Vigie en lisant cette plage (RangeError : planted crash)',
      internalError: {
        name: 'RangeError',
        message: 'planted crash',
        stack: expect.stringMatching(/^RangeError: planted crash\n\s+at /),
      },
    });
    // The same row without the marker is read normally: only the crash is an internal error.
    expect(parseSchedule('1er mercredi 2h-4h').status).toBe('scheduled');
  });

  it('keeps a thrown string as the message, with no stack', () => {
    thrown = 'a bare string';
    const crashed = parseSchedule(`tous les lundis ${MARKER} 2h-4h`);
    expect(crashed.status === 'unrecognized' && crashed.internalError).toEqual({
      name: 'Error',
      message: 'a bare string',
      stack: null,
    });
  });
});

describe('asInternalError', () => {
  it('keeps an Error’s name, message and stack', () => {
    const error = new TypeError('boom');
    expect(asInternalError(error)).toEqual({ name: 'TypeError', message: 'boom', stack: error.stack });
  });

  it('gives an Error without a stack a null stack', () => {
    const error = new Error('no stack');
    error.stack = undefined;
    expect(asInternalError(error)).toEqual({ name: 'Error', message: 'no stack', stack: null });
  });

  it('names anything else Error, with its string form and no stack', () => {
    expect(asInternalError('text')).toEqual({ name: 'Error', message: 'text', stack: null });
    expect(asInternalError({ code: 1 })).toEqual({ name: 'Error', message: '[object Object]', stack: null });
    expect(asInternalError(undefined)).toEqual({ name: 'Error', message: '[object Undefined]', stack: null });
  });
});
