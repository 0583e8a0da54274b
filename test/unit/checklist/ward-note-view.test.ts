/**
 * Issue 12: the "Consigne pour l'unité" reaches the ward everywhere IT's comment used to — the checklist and the
 * status window's unscheduled applications — and IT's comment is then only in `itDetails` ("Détails pour les TI").
 * The real core (test/e2e/world.ts) on a real CSV inventory and a real SQLite store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../e2e/world';

const CSV = [
  'Direction;Site;Service;Application;Plage de maintenance;Commentaire;Consigne pour l’unité',
  'DSP;IUSMM;Laboratoire;GestLab;1er mercredi 2h-4h;Serveur SQL LAB-02.;Fermez GestLab avant 2 h.',
  'DSP;IUSMM;Laboratoire;Cobas IT;1er mercredi 2h-4h;Relancer l’interface HL7.;',
  'DSP;IUSMM;Laboratoire;Softlab;À venir;Serveur à migrer.;Plage à venir : rien à faire.',
  'DSP;IUSMM;Laboratoire;Mediclick;Pas touché;Pas de serveur Windows.;',
  '',
].join('\r\n');

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

async function world(): Promise<World> {
  const w = await createWorld({
    start: '2026-12-02T04:00',
    profile: { site: 'IUSMM', services: ['Laboratoire'] },
    inventoryText: { name: 'inventaire.csv', text: CSV },
  });
  worlds.push(w);
  return w;
}

describe('the ward reads the consigne, IT keeps its comment apart', () => {
  it('in the checklist', async () => {
    const w = await world();
    const view = w.checklists.get(await w.openChecklistForLastWindow());
    expect(view?.items.map((i) => [i.application, i.instructions, i.itDetails])).toEqual([
      ['Cobas IT', 'Relancer l’interface HL7.', ''],
      ['GestLab', 'Fermez GestLab avant 2 h.', 'Serveur SQL LAB-02.'],
    ]);
  });

  it('in the status window’s unscheduled applications', async () => {
    const w = await world();
    const status = await w.core.getStatus();
    expect(status.unscheduled.map((u) => [u.application, u.comment, u.itDetails])).toEqual([
      ['Mediclick', 'Pas de serveur Windows.', ''],
      ['Softlab', 'Plage à venir : rien à faire.', 'Serveur à migrer.'],
    ]);
  });
});
