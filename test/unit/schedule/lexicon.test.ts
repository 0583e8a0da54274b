/**
 * The grammar's French words (shared/schedule/lexicon.ts), read one word at a time and through parseDaySpec:
 * plural weekdays, ordinals in words and digits, and the ranks no weekday can have in a month.
 */
import { describe, expect, it } from 'vitest';
import { parseDaySpec } from '../../../shared/schedule/dayspec';
import { ordinalWord, weekdayWord } from '../../../shared/schedule/lexicon';

const refused = (message: string) => ({ ok: false, message });

describe('weekdayWord', () => {
  it.each([
    ['lundis', 1],
    ['mardis', 2],
    ['mercredis', 3],
    ['jeudis', 4],
    ['vendredis', 5],
    ['samedis', 6],
    ['dimanches', 7],
  ] as const)('reads the plural « %s » as weekday %i, every week', (word, weekday) => {
    expect(weekdayWord(word)).toEqual({ weekday, plural: true });
    expect(parseDaySpec(`les ${word}`)).toEqual({ ok: true, spec: { kind: 'weekly', weekdays: [weekday] } });
  });

  it.each(['mercredie', 'lundix', 'mars'])(
    'does not read « %s » as a weekday (only a final « s » is a plural)',
    (word) => {
      expect(weekdayWord(word)).toBeNull();
    },
  );

  it('refuses a weekday with a stray final letter rather than reading it as a plural', () => {
    expect(parseDaySpec('tous les mercredie')).toEqual(refused('Texte non compris : « mercredie »'));
  });
});

describe('ordinalWord', () => {
  it.each(['sixieme', 'septieme', 'huitieme', 'neuvieme', 'dixieme'])(
    'reports « %s » as a rank no weekday has in a month',
    (word) => {
      expect(ordinalWord(word)).toEqual({ ok: false });
      expect(parseDaySpec(`${word} mardi`)).toEqual(refused(`Ordinal invalide : ${word} (1er à 5e ou dernier)`));
    },
  );

  it.each(['6e', '10e', '12eme', '0e'])('reports the digit rank « %s » as impossible', (word) => {
    expect(ordinalWord(word)).toEqual({ ok: false });
    expect(parseDaySpec(`${word} mardi`)).toEqual(refused(`Ordinal invalide : ${word} (1er à 5e ou dernier)`));
  });

  it.each([
    ['1er', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['4eme', 4],
    ['5ieme', 5],
    ['dernier', -1],
  ] as const)('reads « %s » as rank %i', (word, value) => {
    expect(ordinalWord(word)).toEqual({ ok: true, value });
  });

  it.each(['x2e', '2ex', '2e2', 'e2'])('does not read « %s » as a rank: the whole word must be one', (word) => {
    expect(ordinalWord(word)).toBeNull();
    expect(parseDaySpec(`${word} mardi`)).toEqual(refused(`Texte non compris : « ${word} »`));
  });
});
