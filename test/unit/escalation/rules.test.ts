import { describe, expect, it } from 'vitest';
import { decideContact } from '../../../shared/escalation/decide';
import { DEFAULT_CONTACT_RULES } from '../../../shared/escalation/defaults';
import { bySpecificity, describeRule, matches, spanMinutes } from '../../../shared/escalation/rules';
import type { ContactRule } from '../../../shared/inventory/model';
import { DateTime } from 'luxon';

function rule(id: string, over: Partial<ContactRule> = {}): ContactRule {
  return {
    id,
    date: null,
    site: null,
    service: null,
    from: '00:00',
    to: '00:00',
    urgencePilote: null,
    contact: { name: id, phone: null, url: null, note: null },
    ...over,
  };
}

const context = (time: string, over: { site?: string; service?: string | null; urgencePilote?: boolean } = {}) => ({
  local: DateTime.fromISO(`2026-12-02T${time}`, { zone: 'America/Toronto' }),
  site: over.site ?? 'IUSMM',
  service: over.service === undefined ? 'Laboratoire' : over.service,
  urgencePilote: over.urgencePilote ?? false,
});

describe('contact rules — times as typed in the Contacts sheet', () => {
  it('reads "HH:MM" and "H:MM" with surrounding spaces, and nothing else', () => {
    expect(spanMinutes(rule('a', { from: ' 8:30 ', to: '09:15' }))).toBe(45);
    expect(spanMinutes(rule('a', { from: '23:59', to: '00:00' }))).toBe(1);
    // "24:00" is the end of a day: midnight, as the one time-of-day reader says (shared/text/hhmm.ts).
    expect(spanMinutes(rule('a', { from: '22:00', to: '24:00' }))).toBe(120);
    for (const bad of ['x8:30', '08:30x', '08:30 h', '24:30', '25:00', '10:60', 'huit heures', '']) {
      expect(spanMinutes(rule('a', { from: bad, to: '09:00' })), bad).toBeNull();
      expect(spanMinutes(rule('a', { from: '09:00', to: bad })), bad).toBeNull();
    }
  });

  it('a span is its length in minutes, across midnight too; from == to is the whole day', () => {
    expect(spanMinutes(rule('a', { from: '08:00', to: '09:30' }))).toBe(90);
    expect(spanMinutes(rule('a', { from: '22:00', to: '02:00' }))).toBe(240);
    expect(spanMinutes(rule('a', { from: '04:00', to: '04:00' }))).toBe(24 * 60);
  });

  it('a rule with an unreadable time never matches (neither bound may be guessed)', () => {
    expect(matches(rule('a', { from: 'bad', to: '09:00' }), context('08:00'))).toBe(false);
    expect(matches(rule('a', { from: '00:00', to: 'bad' }), context('08:00'))).toBe(false);
    expect(matches(rule('a', { from: '07:00', to: '09:00' }), context('08:00'))).toBe(true);
  });

  it('a site, service or date made of spaces means "any"', () => {
    const spaces = rule('a', { site: '   ', service: ' ', date: '  ' });
    expect(matches(spaces, context('08:00', { site: 'HMR', service: null }))).toBe(true);
    expect(describeRule(spaces, 'Aide', null, 'fr')).toBe('En tout temps : Aide');
  });

  it('a service rule never matches a query without a service; site and service compare as names', () => {
    const labo = rule('a', { site: 'iusmm ', service: 'LABORATOIRE' });
    expect(matches(labo, context('08:00'))).toBe(true);
    expect(matches(labo, context('08:00', { service: null }))).toBe(false);
    expect(matches(labo, context('08:00', { site: 'HMR' }))).toBe(false);
  });
});

describe('contact rules — order', () => {
  it('an Urgence pilote condition beats no condition, whatever the list order', () => {
    const rules = [rule('any'), rule('sans-entente', { urgencePilote: false })];
    expect(bySpecificity(rules).map((r) => r.id)).toEqual(['sans-entente', 'any']);
    expect(bySpecificity([...rules].reverse()).map((r) => r.id)).toEqual(['sans-entente', 'any']);
  });

  it('keeps the list order between rules of equal rank (in both list orders)', () => {
    const ids = ['un', 'deux', 'trois', 'quatre'];
    expect(bySpecificity(ids.map((id) => rule(id))).map((r) => r.id)).toEqual(ids);
    const reversed = [...ids].reverse();
    expect(bySpecificity(reversed.map((id) => rule(id))).map((r) => r.id)).toEqual(reversed);
  });
});

describe('contact rules — descriptions', () => {
  it('French: date, hours, service, site and the Urgence pilote condition', () => {
    const dated = rule('x', { date: ' 2026-12-03 ', from: '05:00', to: '07:00', site: ' HMR ', service: ' Urgence ' });
    expect(describeRule(dated, 'Garde', '1234', 'fr')).toBe(
      'Le 3 décembre 2026, entre 5 h et 7 h pour Urgence à HMR : Garde (1234)',
    );
    expect(describeRule(rule('x', { from: '00:00', to: '06:00' }), 'Nuit', null, 'fr')).toBe('Entre 0 h et 6 h : Nuit');
    expect(describeRule(rule('x', { from: '22:00', to: '00:00' }), 'Soir', null, 'fr')).toBe(
      'Entre 22 h et 24 h : Soir',
    );
    expect(describeRule(rule('x', { from: ' 00:00', to: '00:00 ' }), 'Aide', null, 'fr')).toBe('En tout temps : Aide');
    expect(describeRule(rule('x', { urgencePilote: false }), 'CSI', null, 'fr')).toBe(
      'En tout temps, sans entente Urgence pilote : CSI',
    );
  });

  it('English: the same parts, in English', () => {
    const dated = rule('x', { date: '2026-12-03', from: '05:00', to: '07:00', site: 'HMR', service: 'Urgence' });
    expect(describeRule(dated, 'On call', null, 'en')).toBe(
      'On December 3, 2026, between 5:00 a.m. and 7:00 a.m. for Urgence at HMR: On call',
    );
    expect(describeRule(rule('x', { date: '2026-12-03' }), 'Desk', null, 'en')).toBe('On December 3, 2026: Desk');
    expect(describeRule(rule('x', { from: '22:00', to: '00:00' }), 'Evening', null, 'en')).toBe(
      'Between 10:00 p.m. and midnight: Evening',
    );
    expect(describeRule(rule('x'), 'Help', '12', 'en')).toBe('At any time: Help (12)');
    expect(describeRule(rule('x', { from: '00:00', to: '06:00' }), 'Night', null, 'en')).not.toContain('midnight');
    expect(describeRule(rule('x', { urgencePilote: true }), 'Form', null, 'en')).toBe(
      'At any time, with an Urgence pilote agreement: Form',
    );
    expect(describeRule(rule('x', { urgencePilote: false }), 'CSI', null, 'en')).toBe(
      'At any time, without an Urgence pilote agreement: CSI',
    );
  });
});

describe('decideContact — what it is given', () => {
  const WINDOW = { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' };
  const base = { at: '2026-12-02T05:00:00-05:00', site: 'IUSMM', service: 'Laboratoire', urgencePilote: false };

  it('names the bad moment in its error', () => {
    expect(() => decideContact({ ...base, at: 'hier', window: WINDOW }, [])).toThrow('Invalid escalation time: hier');
  });

  it('a window with an unreadable end is no known window: usual procedure', () => {
    const advice = decideContact({ ...base, window: { start: WINDOW.start, end: 'bientôt' } }, []);
    expect(advice.contact).toBeNull();
    expect(advice.rule.id).toBe('usual');
    expect(advice.advice.map((a) => a.code)).toEqual(['restart-first', 'usual-procedure']);
  });

  it('related to a window it cannot name: the time-of-day rules only, neither retry nor mention', () => {
    for (const window of [null, { start: WINDOW.start, end: 'bientôt' }]) {
      const advice = decideContact({ ...base, window, relatedToWindow: true }, []);
      expect(advice.contact?.name).toBe('CDA');
      expect(advice.retryAfter).toBeNull();
      expect(advice.advice.map((a) => a.code)).toEqual(['restart-first']);
    }
  });

  it('keeps the link an inventory "Octopus" contact already has', () => {
    const own = rule('octo', { contact: { name: 'Octopus', phone: null, url: 'https://own.example', note: null } });
    const advice = decideContact({ ...base, window: WINDOW }, [own], { octopusUrl: 'https://it.example' });
    expect(advice.contact?.url).toBe('https://own.example');
  });

  it('the guide’s contacts, in French and English, as the guide words them', () => {
    const at = (iso: string, site: string, urgencePilote: boolean, language: 'fr' | 'en') =>
      decideContact({ ...base, at: iso, site, urgencePilote, window: WINDOW }, [], { language }).contact;
    expect(at('2026-12-02T09:00:00-05:00', 'IUSMM', true, 'fr')).toEqual({
      name: 'Formulaire Octopus',
      phone: null,
      url: null,
      note: 'Vous pouvez aussi appeler le CSI au 5656.',
    });
    expect(at('2026-12-02T09:00:00-05:00', 'IUSMM', true, 'en')).toEqual({
      name: 'Octopus form',
      phone: null,
      url: null,
      note: 'You can also call the CSI at 5656.',
    });
    expect(at('2026-12-02T09:00:00-05:00', 'IUSMM', false, 'en')).toEqual({
      name: 'CSI',
      phone: '5656',
      url: null,
      note: null,
    });
    expect(at('2018-10-17T09:00:00-04:00', 'HMR', false, 'en')).toEqual({
      name: 'Activity coordinator',
      phone: null,
      url: null,
      note: "They will contact the DSP's on-call team.",
    });
    expect(DEFAULT_CONTACT_RULES.find((r) => r.id === 'guide-csi')?.contact).toEqual({
      name: 'CSI',
      phone: '5656',
      url: null,
      note: null,
    });
  });
});
