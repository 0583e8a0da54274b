/**
 * Issue 12: the "Consigne pour l'unité" crosses the parse isolation (a real child process, its reply checked by
 * electron/core/inventory/isolation/protocol.ts, whose schema drops any field it does not name) — a workstation reads
 * the share's inventory that way.
 */
import { describe, expect, it } from 'vitest';
import { PARSE_ENTRY } from '../../../electron/cli/parse-entry';
import { trackedParser } from '../sync/isolation/helpers';

const CSV =
  'Direction;Site;Service;Application;Plage de maintenance;Commentaire;Consigne pour l’unité\r\n' +
  'DSP;IUSMM;Laboratoire;GestLab;1er mercredi 2h-4h;Serveur SQL LAB-02.;Fermez GestLab avant 2 h.\r\n';

describe('the consigne through the isolated parser', () => {
  it('arrives with the application, IT’s comment beside it', async () => {
    const { parser, exits } = trackedParser(PARSE_ENTRY);
    const result = await parser.inventory(new TextEncoder().encode(CSV), 'inventaire.csv');
    expect(result.ok && result.inventory.applications[0]).toMatchObject({
      application: 'GestLab',
      comment: 'Serveur SQL LAB-02.',
      consigne: 'Fermez GestLab avant 2 h.',
    });
    await exits[0];
  }, 60_000);
});
