import { describe, expect, it } from 'vitest';
import { exchangesData } from '../../../shared/inventory/exchanges';

const withComment = (comment: string) => ({ transfers: null, comment });

describe('exchangesData', () => {
  it('follows the Transferts column when it is filled, whatever the comment says', () => {
    expect(exchangesData({ transfers: true, comment: '' })).toBe(true);
    expect(exchangesData({ transfers: false, comment: "L'interface pour le transfert des données" })).toBe(false);
  });

  it.each([
    "L'interface pour le transfert des données doit être redémarrées manuellement.",
    'Transferts vers le DME',
    'Échange de résultats avec le laboratoire',
    'Messages HL7 entrants',
    'Lien avec GespharX',
    'Envoi des requêtes au fournisseur',
    'Réception des résultats de Cobas',
    'Données transférées la nuit',
    'INTERFACE ADT',
    'Sans redémarrer l’interface, les résultats ne passent pas.',
  ])('true for %j', (comment) => {
    expect(exchangesData(withComment(comment))).toBe(true);
  });

  it.each([
    '',
    'Sera fait en novembre. Le serveur de base de données héberge des applications autres que cliniques.',
    'Sur un serveur de HMR, sera fait le 3e mercredi du mois de 2h à 4h, au lieu de la plage du 1er mercredi de 2h à 4h.',
    "L'utilisateur devra se déconnecter et relancer SIURGE.",
    'Aucune interface.',
    'Pas de transfert de données.',
    "Pas d'échange avec d'autres systèmes",
    'Application autonome, sans aucun échange.',
    'Information importante pour la pharmacie',
  ])('false for %j', (comment) => {
    expect(exchangesData(withComment(comment))).toBe(false);
  });
});
