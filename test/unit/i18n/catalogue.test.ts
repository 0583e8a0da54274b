import { describe, expect, it } from 'vitest';
import { CATALOGUES, t, tn, type MessageKey } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have exactly the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    for (const key of Object.keys(fr) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
      expect(fr[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('pair every singular with a plural', () => {
    for (const lang of ['fr', 'en'] as const) {
      const keys = Object.keys(CATALOGUES[lang]);
      for (const key of keys.filter((k) => k.endsWith('.one'))) {
        expect(keys, key).toContain(key.replace(/\.one$/, '.other'));
      }
    }
  });

  it('keeps the wording the issue and the guide use', () => {
    expect(t('fr', 'check.starts')).toBe("L'application démarre et se connecte");
    expect(t('fr', 'check.transfers')).toBe('Les transferts de données avec les autres systèmes fonctionnent');
    expect(t('fr', 'guidance.step1')).toBe("Fermez et redémarrez l'application.");
    expect(t('fr', 'guidance.fixed')).toBe('Réglé par un redémarrage');
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('fr', 'checklist.title', { window: 'mercredi 2 décembre, 2 h – 4 h' })).toBe(
      'Vérification après la plage du mercredi 2 décembre, 2 h – 4 h',
    );
    expect(t('en', 'guidance.retry', { time: '4:00 a.m.' })).toBe(
      'The maintenance window is still in progress: try again after 4:00 a.m.',
    );
    expect(t('fr', 'guidance.retry')).toBe('La plage est encore en cours : réessayez après {time}');
  });
});

describe('tn', () => {
  it('treats 0 and 1 as singular in French, only 1 in English', () => {
    expect(tn('fr', 'status.reports', 0)).toBe("0 rapport de vérification en attente d'envoi");
    expect(tn('fr', 'status.reports', 1)).toBe("1 rapport de vérification en attente d'envoi");
    expect(tn('fr', 'status.reports', 2)).toBe("2 rapports de vérification en attente d'envoi");
    expect(tn('en', 'status.reports', 0)).toBe('0 verification reports waiting to be sent');
    expect(tn('en', 'status.reports', 1)).toBe('1 verification report waiting to be sent');
  });

  it('passes the other parameters through', () => {
    expect(tn('fr', 'checklist.progress', 3, { answered: 3, total: 7 })).toBe('3 vérifications répondues sur 7');
  });
});
