import { describe, expect, it } from 'vitest';
import { decideContact } from '../../../shared/escalation/decide';
import { DEFAULT_CONTACT_RULES } from '../../../shared/escalation/defaults';
import type { EscalationQuery } from '../../../shared/escalation/types';
import type { ContactRule } from '../../../shared/inventory/model';

/** The 1st-Wednesday window of December 2026, 2 h – 4 h (EST, -05:00). */
const WINDOW = { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' };

function query(time: string, extra: Partial<EscalationQuery> = {}): EscalationQuery {
  return {
    at: `2026-12-02T${time}:00-05:00`,
    site: 'IUSMM',
    service: 'Laboratoire',
    urgencePilote: false,
    window: WINDOW,
    ...extra,
  };
}

function rule(id: string, over: Partial<ContactRule>): ContactRule {
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

describe('decideContact — the guide’s hours', () => {
  it.each([
    ['03:59', false, 'usual', null],
    ['04:00', false, 'guide-cda', 'CDA'],
    ['06:55', false, 'guide-cda', 'CDA'],
    ['07:05', false, 'guide-csi', 'CSI'],
    ['07:05', true, 'guide-octopus', 'Formulaire Octopus'],
    ['16:59', false, 'guide-csi', 'CSI'],
    ['16:59', true, 'guide-octopus', 'Formulaire Octopus'],
    ['17:00', false, 'usual', null],
    ['23:30', true, 'usual', null],
  ] as const)('%s (Urgence pilote: %s) → %s', (time, urgencePilote, id, name) => {
    const advice = decideContact(query(time, { urgencePilote }), []);
    expect(advice.rule.id).toBe(id);
    expect(advice.contact?.name ?? null).toBe(name);
  });

  it('gives the CDA with its phone, note and a French description', () => {
    const advice = decideContact(query('05:00'), []);
    expect(advice.contact).toEqual({
      name: 'CDA',
      phone: '3050',
      url: null,
      note: "Le CDA demandera s'il y avait une plage de maintenance prévue.",
    });
    expect(advice.rule.description).toBe('Entre 4 h et 7 h : CDA (3050)');
    expect(decideContact(query('08:00'), []).rule.description).toBe('Entre 7 h et 17 h : CSI (5656)');
  });

  it('fills the Octopus link from IT settings', () => {
    const url = 'https://octopus.example.org/formulaire';
    const advice = decideContact(query('09:00', { urgencePilote: true }), [], { octopusUrl: url });
    expect(advice.contact?.url).toBe(url);
    expect(advice.rule.description).toBe('Entre 7 h et 17 h, avec une entente Urgence pilote : Formulaire Octopus');
    expect(decideContact(query('09:00', { urgencePilote: true }), []).contact?.url).toBeNull();
    expect(decideContact(query('09:00'), [], { octopusUrl: url }).contact?.url).toBeNull();
  });

  it('reads the hour in Toronto whatever offset the caller sent', () => {
    // 09:30 UTC = 04:30 EST.
    expect(decideContact(query('04:30', { at: '2026-12-02T09:30:00Z' }), []).rule.id).toBe('guide-cda');
  });
});

describe('decideContact — advice', () => {
  it('always starts with restarting the application', () => {
    for (const time of ['03:00', '05:00', '18:00']) {
      expect(decideContact(query(time), []).advice[0]).toEqual({
        code: 'restart-first',
        text: "Fermez et redémarrez l'application. Certaines applications perdent la connexion quand le serveur redémarre.",
      });
    }
  });

  it('during the window: retry after its end (contact still computed)', () => {
    const advice = decideContact(query('03:00'), []);
    expect(advice.retryAfter).toBe('2026-12-02T04:00:00-05:00');
    expect(advice.advice.map((a) => a.code)).toEqual(['restart-first', 'retry-after-window', 'usual-procedure']);
    expect(advice.advice[1]?.text).toBe(
      "La plage de maintenance se termine à 4 h : réessayez après cette heure avant d'appeler.",
    );
    const longWindow = { start: WINDOW.start, end: '2026-12-02T08:00:00-05:00' };
    const cda = decideContact(query('05:00', { window: longWindow }), []);
    expect(cda.contact?.name).toBe('CDA');
    expect(cda.retryAfter).toBe('2026-12-02T08:00:00-05:00');
    expect(cda.advice.map((a) => a.code)).toEqual(['restart-first', 'retry-after-window']);
  });

  it('after the window: mention it to the desk', () => {
    const advice = decideContact(query('05:00'), [], { application: 'GestLab' });
    expect(advice.retryAfter).toBeNull();
    expect(advice.advice).toEqual([
      expect.objectContaining({ code: 'restart-first' }),
      {
        code: 'mention-window',
        text: 'Dites que la plage de maintenance du mercredi 2 décembre, 2 h – 4 h, est terminée et que GestLab ne fonctionne pas.',
      },
    ]);
    expect(decideContact(query('05:00'), []).advice[1]?.text).toContain("et que l'application ne fonctionne pas");
  });

  it('after the window, outside the guide’s hours: mention it, then the usual procedure', () => {
    const advice = decideContact(query('18:00'), []);
    expect(advice.contact).toBeNull();
    expect(advice.rule.id).toBe('usual');
    expect(advice.advice.map((a) => a.code)).toEqual(['restart-first', 'mention-window', 'usual-procedure']);
  });

  it('no window: usual procedure, no contact, whatever the hour', () => {
    const advice = decideContact(query('05:00', { window: null }), []);
    expect(advice).toEqual({
      contact: null,
      rule: { id: 'usual', description: 'Problème sans lien avec une plage de maintenance : procédure habituelle' },
      advice: [
        expect.objectContaining({ code: 'restart-first' }),
        { code: 'usual-procedure', text: "Si le problème persiste, procédez comme à l'habitude pour le signaler." },
      ],
      retryAfter: null,
    });
  });

  it('speaks English on request', () => {
    const advice = decideContact(query('05:00'), [], { language: 'en', application: 'GestLab' });
    expect(advice.contact?.note).toBe('The CDA will ask whether a maintenance window was scheduled.');
    expect(advice.rule.description).toBe('Between 4:00 a.m. and 7:00 a.m.: CDA (3050)');
    expect(advice.advice.map((a) => a.text)).toEqual([
      'Close and restart the application. Some applications lose their connection when the server restarts.',
      'Say that the maintenance window of Wednesday, December 2, 2:00 – 4:00 a.m. is over and that GestLab is not working.',
    ]);
    expect(decideContact(query('03:00'), [], { language: 'en' }).advice[1]?.text).toBe(
      'The maintenance window ends at 4:00 a.m.: try again after that time before calling.',
    );
  });

  it('rejects an invalid moment', () => {
    expect(() => decideContact(query('05:00', { at: 'hier' }), [])).toThrow(RangeError);
  });
});

describe('decideContact — date override and inventory rules', () => {
  const hmrWindow = { start: '2018-10-17T02:00:00-04:00', end: '2018-10-17T04:00:00-04:00' };
  const oct17 = (time: string, site: string) =>
    query(time, { at: `2018-10-17T${time}:00-04:00`, site, window: hmrWindow });

  it('2018-10-17 at HMR → the activity coordinator, all day', () => {
    for (const time of ['05:00', '10:00', '20:00']) {
      const advice = decideContact(oct17(time, 'HMR'), []);
      expect(advice.rule.id).toBe('guide-hmr-2018-10-17');
      expect(advice.contact).toEqual({
        name: "Coordonnateur d'activité",
        phone: null,
        url: null,
        note: "Il communiquera avec l'équipe de veille de la DSP.",
      });
      expect(advice.rule.description).toBe("Le 17 octobre 2018 à HMR : Coordonnateur d'activité");
    }
  });

  it('the same day at IUSMM → the normal rules', () => {
    expect(decideContact(oct17('05:00', 'IUSMM'), []).rule.id).toBe('guide-cda');
    expect(decideContact(oct17('10:00', 'IUSMM'), []).rule.id).toBe('guide-csi');
    expect(decideContact(oct17('20:00', 'IUSMM'), []).rule.id).toBe('usual');
  });

  it('an inventory rule beats the default, for its site and service only', () => {
    const inventory = [rule('garde-labo', { site: 'iusmm', service: 'laboratoire', from: '04:00', to: '07:00' })];
    expect(decideContact(query('05:00'), inventory).contact?.name).toBe('garde-labo');
    expect(decideContact(query('05:00', { service: 'Pharmacie' }), inventory).rule.id).toBe('guide-cda');
    expect(decideContact(query('05:00', { service: null }), inventory).rule.id).toBe('guide-cda');
    expect(decideContact(query('05:00'), inventory).rule.description).toBe(
      'Entre 4 h et 7 h pour laboratoire à iusmm : garde-labo',
    );
  });

  it('even a generic inventory rule is tried before the defaults', () => {
    expect(decideContact(oct17('10:00', 'HMR'), [rule('help-desk', {})]).rule.id).toBe('help-desk');
  });

  it('orders inventory rules: date > site+service > site > service > generic, then the narrower span', () => {
    const rules = [
      rule('generic', { from: '06:00', to: '06:30' }),
      rule('service', { service: 'Laboratoire' }),
      rule('site', { site: 'IUSMM' }),
      rule('site-service-wide', { site: 'IUSMM', service: 'Laboratoire' }),
      rule('site-service-narrow', { site: 'IUSMM', service: 'Laboratoire', from: '05:00', to: '07:00' }),
      rule('date', { date: '2026-12-02' }),
    ];
    const pick = (rs: ContactRule[], time = '05:30') => decideContact(query(time), rs).rule.id;
    expect(pick(rules)).toBe('date');
    expect(pick(rules.slice(0, 5))).toBe('site-service-narrow');
    expect(pick(rules.slice(0, 5), '04:30')).toBe('site-service-wide');
    expect(pick(rules.slice(0, 3))).toBe('site');
    expect(pick(rules.slice(0, 2))).toBe('service');
    expect(pick(rules.slice(0, 1), '06:00')).toBe('generic');
    expect(pick(rules.slice(0, 1), '06:30')).toBe('guide-cda');
  });

  it('handles spans crossing midnight (to <= from), from inclusive and to exclusive', () => {
    const night = [rule('nuit', { from: '22:00', to: '02:00' })];
    const at = (time: string) => decideContact(query(time), night).rule.id;
    expect(at('21:59')).toBe('usual');
    expect(at('22:00')).toBe('nuit');
    expect(at('01:59')).toBe('nuit');
    expect(at('02:00')).toBe('usual');
  });

  it('honours the Urgence pilote condition of an inventory rule', () => {
    const rules = [rule('sans-entente', { urgencePilote: false })];
    expect(decideContact(query('10:00'), rules).rule.id).toBe('sans-entente');
    expect(decideContact(query('10:00', { urgencePilote: true }), rules).rule.id).toBe('guide-octopus');
  });

  it('keeps the defaults as the guide states them', () => {
    expect(DEFAULT_CONTACT_RULES.map((r) => [r.id, r.from, r.to, r.contact.phone])).toEqual([
      ['guide-hmr-2018-10-17', '00:00', '00:00', null],
      ['guide-cda', '04:00', '07:00', '3050'],
      ['guide-octopus', '07:00', '17:00', null],
      ['guide-csi', '07:00', '17:00', '5656'],
    ]);
  });
});

describe('decideContact — boundaries', () => {
  it('at the exact end of the window: mention it, no "retry after" (the window is over)', () => {
    const advice = decideContact(query('04:00'), [], { application: 'GestLab' });
    expect(advice.retryAfter).toBeNull();
    expect(advice.advice.map((a) => a.code)).toEqual(['restart-first', 'mention-window']);
    // One minute before the end: still retry.
    expect(decideContact(query('03:59'), []).retryAfter).toBe(WINDOW.end);
  });

  it('the one-date HMR rule applies on 17 October 2018 only, not on other days at HMR', () => {
    const at = (iso: string) =>
      decideContact(query('10:00', { at: iso, site: 'HMR', window: { start: iso, end: iso } }), []).rule.id;
    expect(at('2018-10-17T10:00:00-04:00')).toBe('guide-hmr-2018-10-17');
    expect(at('2018-10-16T10:00:00-04:00')).toBe('guide-csi');
    expect(at('2018-10-18T10:00:00-04:00')).toBe('guide-csi');
    expect(at('2019-10-17T05:00:00-04:00')).toBe('guide-cda');
    // An inventory rule with a date (and leading/trailing spaces, as typed) is held to that date too.
    const dated = [rule('ce-jour', { date: ' 2026-12-03 ' })];
    expect(decideContact(query('05:00'), dated).rule.id).toBe('guide-cda');
    expect(decideContact(query('05:00', { at: '2026-12-03T05:00:00-05:00' }), dated).rule.id).toBe('ce-jour');
  });

  it('a time span holds from its start inclusive to its end exclusive, for a span within the day', () => {
    const day = [rule('jour', { from: '08:30', to: '09:15' })];
    const at = (time: string) => decideContact(query(time), day).rule.id;
    expect(at('08:29')).toBe('guide-csi');
    expect(at('08:30')).toBe('jour');
    expect(at('09:14')).toBe('jour');
    expect(at('09:15')).toBe('guide-csi');
  });
});
