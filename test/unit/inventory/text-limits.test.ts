/** The one length policy (shared/inventory/text-limits.ts): exact boundaries, every format, side tables. */
import { describe, expect, it } from 'vitest';
import { importInventory, importSideTable } from '../../../electron/core/inventory/import';
import { MAX_PROFILE_SERVICES, shorten, TEXT_LIMITS } from '../../../shared/inventory/text-limits';
import { VerificationReportSchema } from '../../../shared/reports/types';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = 'Direction;Site;Service;Application;Plage de maintenance;Commentaire\n';

describe('shorten', () => {
  it('keeps a text of exactly max units, cuts max + 1 to max units ending with "…"', () => {
    expect(shorten('a'.repeat(10), 10)).toBe('a'.repeat(10));
    expect(shorten('a'.repeat(11), 10)).toBe('a'.repeat(9) + '…');
    expect(shorten('a'.repeat(11), 10)).toHaveLength(10);
  });

  it('counts UTF-16 units as zod does, and never splits an emoji', () => {
    const emoji = '🧪'.repeat(6); // 12 units
    const cut = shorten(emoji, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe('🧪'.repeat(4) + '…');
    expect(shorten('abcdefgh🧪z', 10)).toBe('abcdefgh…');
  });
});

describe('import applies the limits, whatever the format', () => {
  const long = (n: number) => 'N'.repeat(n);

  it('CSV: application, site and service names are shortened, one warning per kind with the first row', async () => {
    const csv =
      HEADER +
      `DSI;${long(250)};Laboratoire;${long(400)};1er mercredi 2h-4h;\n` +
      `DSI;IUSMM;${long(201)};${long(301)};1er mercredi 2h-4h;\n` +
      `DSI;IUSMM;Laboratoire;GestLab;1er mercredi 2h-4h;\n`;
    const result = await importInventory(bytes(csv), 'inventaire.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const apps = result.inventory.applications;
    expect(apps.map((a) => a.application.length)).toEqual([300, 300, 7]);
    expect(apps[0]?.site).toHaveLength(TEXT_LIMITS.place);
    expect(apps[1]?.service).toHaveLength(TEXT_LIMITS.place);
    const warnings = result.problems.filter((p) => /raccourci/.test(p.message));
    expect(warnings.map((w) => [w.row, w.message])).toEqual([
      [2, 'Nom d’application : texte de plus de 300 caractères, raccourci (2 lignes, la première indiquée).'],
      [2, 'Site : texte de plus de 200 caractères, raccourci.'],
      [3, 'Service : texte de plus de 200 caractères, raccourci.'],
    ]);
    // Whatever the import keeps fits the report schema.
    for (const a of apps) {
      expect(VerificationReportSchema.shape.items.element.shape.application.safeParse(a.application).success).toBe(
        true,
      );
    }
  });

  it('JSON: the same limits', async () => {
    const json = JSON.stringify({
      format: 'vigie-inventory',
      version: 1,
      applications: [{ site: 'IUSMM', service: 'Laboratoire', application: long(500), schedule: '1er mercredi 2h-4h' }],
    });
    const result = await importInventory(bytes(json), 'inventaire.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.inventory.applications[0]?.application).toHaveLength(TEXT_LIMITS.application);
  });

  it('a Postes side file: long site names are shortened and more than 20 services cut, with warnings', async () => {
    const services = Array.from({ length: 25 }, (_, i) => `Service ${i + 1}`).join(';');
    const csv = `Poste,Site,Services\nPC-LAB-*,${long(300)},"${services}"\n`;
    const result = await importSideTable(bytes(csv), 'postes.csv');
    expect(result.ok).toBe(true);
    if (!result.ok || result.table.kind !== 'hosts') throw new Error('expected a Postes table');
    expect(result.table.rows[0]?.site).toHaveLength(TEXT_LIMITS.place);
    expect(result.table.rows[0]?.services).toHaveLength(MAX_PROFILE_SERVICES);
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Services du poste « PC-LAB-\* » \(au plus 20\)/),
        expect.stringMatching(/^Site \(table Postes\) : texte de plus de 200 caractères/),
      ]),
    );
  });
});
