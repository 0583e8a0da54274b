import { describe, expect, it } from 'vitest';
import { CONTACTS_TABLE, HOSTS_TABLE, SERVICES_TABLE } from '../../../shared/inventory/columns';
import { findHeader } from '../../../shared/inventory/header';
import { normalizeHeader, parseCalendarDate, parseUpdateLine, parseYesNo } from '../../../shared/inventory/text';

describe('normalizeHeader', () => {
  it.each([
    ['Plage de maintenance', 'plage de maintenance'],
    ['PLAGES  DE  MAINTENANCE', 'plage de maintenance'],
    ['Plages\u00a0de maintenance :', 'plage de maintenance'],
    ['  Commentaires ', 'commentaire'],
    ['Fenêtre de maintenance', 'fenetre de maintenance'],
    ['Début de quart (HH:MM)', 'debut de quart'],
    ['24/7', '24 7'],
    ['À', 'a'],
    ["Nom de l'application", 'nom de l application'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

describe('findHeader', () => {
  it('skips the title block and maps the guide header', () => {
    const rows = [
      ['Liste des applications', '', ''],
      ['Mise à jour : 2018-09-28'],
      [],
      ['Direction', 'Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire'],
      ['DSP', 'IUSMM', 'Laboratoire', 'GestLab', '1er mercredi 2h-4h', ''],
    ];
    expect(findHeader(rows)).toEqual({
      index: 3,
      columns: { direction: 0, site: 1, service: 2, application: 3, schedule: 4, comment: 5 },
      names: {
        direction: 'Direction',
        site: 'Site',
        service: 'Service',
        application: 'Application',
        schedule: 'Plage de maintenance',
        comment: 'Commentaire',
      },
      missingRequired: [],
      missingRecommended: [],
    });
  });

  it('recognises columns whatever their order, case, accents, plural and aliases; ignores unknown ones', () => {
    const header = findHeader([
      ['Remarques', 'Responsable', 'FENETRE DE MAINTENANCE', 'applications', 'Unité', 'transferts', 'Installation'],
    ]);
    expect(header?.columns).toEqual({ comment: 0, schedule: 2, application: 3, service: 4, transfers: 5, site: 6 });
    expect(header?.missingRequired).toEqual([]);
    expect(header?.missingRecommended).toEqual(['direction']);
  });

  it('accepts "Plage" alone and a long header with extra words', () => {
    expect(findHeader([['Service', 'Application', 'Plage']])?.columns.schedule).toBe(2);
    expect(findHeader([['Service', 'Application concernée', 'Plage de maintenance prévue']])?.columns).toEqual({
      service: 0,
      application: 1,
      schedule: 2,
    });
  });

  it('still finds a header lacking a required column, and lists what is missing', () => {
    const header = findHeader([['Direction', 'Site', 'Plage de maintenance', 'Commentaire']]);
    expect(header?.missingRequired).toEqual(['service', 'application']);
  });

  it('does not take a title or data line for a header', () => {
    expect(findHeader([['Liste des applications'], ['Application'], ['Site web', 'Service de garde']])).toBeNull();
    // Site + Service alone could be any table: an anchor (Application or Plage) is needed.
    expect(findHeader([['Site', 'Service', '24/7']])).toBeNull();
  });

  it('finds the side tables by their own anchors', () => {
    expect(findHeader([['Site', 'Service', '24/7', 'Début de quart']], SERVICES_TABLE)?.columns).toMatchObject({
      twentyFourSeven: 2,
      shiftStarts: 3,
    });
    expect(findHeader([['De', 'À', 'Contact', 'Téléphone']], CONTACTS_TABLE)?.columns).toEqual({
      from: 0,
      to: 1,
      contact: 2,
      phone: 3,
    });
    expect(findHeader([['Postes', 'Site', 'Services']], HOSTS_TABLE)?.columns).toEqual({
      pattern: 0,
      site: 1,
      services: 2,
    });
    expect(findHeader([['Direction', 'Site', 'Service', 'Application']], SERVICES_TABLE)).toBeNull();
  });
});

describe('the "Mise à jour" line', () => {
  it.each([
    ['Mise à jour : 2018-09-28', '2018-09-28'],
    ['Mise à jour: 28 septembre 2018', '2018-09-28'],
    ['mise a jour 2018-09-28', '2018-09-28'],
    ['MISE À JOUR : 1er octobre 2018', '2018-10-01'],
    ['Dernière mise à jour le vendredi 28 septembre 2018.', '2018-09-28'],
    ['Mise à jour : 2018/09/28', '2018-09-28'],
    ['Mise à jour : 28/09/2018', null],
    ['Mise à jour : 2018-02-30', null],
    ['Mise à jour :', null],
    ['Liste des applications', undefined],
    ['Mise à jour Windows des serveurs', undefined],
  ])('%j → %j', (line, expected) => {
    expect(parseUpdateLine(line)).toBe(expected);
  });

  it('parses calendar dates', () => {
    expect(parseCalendarDate('17 octobre 2018')).toBe('2018-10-17');
    expect(parseCalendarDate('1er février 2027')).toBe('2027-02-01');
    expect(parseCalendarDate('31 juin 2027')).toBeNull();
  });
});

describe('cell values', () => {
  it.each([
    ['oui', true],
    ['X', true],
    ['Vrai', true],
    ['O', true],
    ['non', false],
    ['FAUX', false],
    ['', null],
    ['  ', null],
    ['peut-être', undefined],
  ])('yes/no %j → %j', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
});
