import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FleetSummary } from '../../../electron/core/reports/fleet';
import { INVENTORY_CSV, resultsFolder } from './fleet-fixture';
import { cli, tempDir } from './helpers';

function setup() {
  const { dir } = resultsFolder();
  const out = tempDir('vigie-report-out-');
  fs.writeFileSync(path.join(out, 'inventaire.csv'), INVENTORY_CSV);
  return { results: dir, out };
}

describe('cli report', () => {
  it('writes the HTML and CSV, prints the summary as JSON, exit 0', async () => {
    const { results, out } = setup();
    const r = await cli(
      [
        'report',
        '--results', results,
        '--from', '2026-12-01',
        '--to', '2026-12-02',
        '--inventory', 'inventaire.csv',
        '--html', 'parc.html',
        '--csv', 'parc.csv',
        '--json',
      ],
      '2026-12-03T09:00:00',
      out,
    ); // prettier-ignore
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = r.json<FleetSummary>();
    expect(summary.format).toBe('vigie-fleet-summary');
    // --to 2026-12-02 includes that whole day.
    expect(summary.period).toEqual({ from: '2026-12-01T00:00:00-05:00', to: '2026-12-03T00:00:00-05:00' });
    expect(summary.totals).toMatchObject({ reports: 3, verified: 2, unverified: 1, problems: 2, skipped: 8 });
    expect(summary.unverified.map((u) => u.service)).toEqual(['Nutrition']);
    expect(fs.readFileSync(path.join(out, 'parc.html'), 'utf8')).toContain('<html lang="fr">');
    expect(fs.readFileSync(path.join(out, 'parc.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(['inventaire.csv', 'parc.csv', 'parc.html']);
  });

  it('without --json prints one readable French summary', async () => {
    const { results, out } = setup();
    const r = await cli(['report', '--results', results, '--html', path.join(out, 'p.html')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rapport écrit :');
    expect(r.out).toContain('4 rapport(s) de 3 poste(s)');
    expect(r.out).toContain('sans --inventory');
  });

  it('exit 1 with a clear message when the results folder is missing', async () => {
    const { out } = setup();
    const r = await cli(['report', '--results', path.join(out, 'absent'), '--html', path.join(out, 'p.html')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^report : Dossier des résultats introuvable/);
    expect(r.err).not.toMatch(/at .*\(/); // no stack
    expect(fs.existsSync(path.join(out, 'p.html'))).toBe(false);
  });

  it('exit 1 when the HTML cannot be written', async () => {
    const { results, out } = setup();
    const r = await cli(['report', '--results', results, '--html', path.join(out, 'pas-de-dossier', 'p.html')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/impossible d’écrire .* \(le dossier n’existe pas\)/);
  });

  it('exit 2 on bad arguments', async () => {
    const { results, out } = setup();
    const html = path.join(out, 'p.html');
    expect((await cli(['report', '--html', html])).code).toBe(2);
    expect((await cli(['report', '--results', results])).code).toBe(2);
    const r = await cli(['report', '--results', results, '--html', html, '--from', '2026-12-05', '--to', '2026-12-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--to doit être après --from');
    expect((await cli(['report', '--results', results, '--html', html, '--from', 'demain'])).code).toBe(2);
  });

  it('exit 1 when the inventory is unusable', async () => {
    const { results, out } = setup();
    fs.writeFileSync(path.join(out, 'vide.csv'), '');
    const r = await cli([
      'report',
      '--results',
      results,
      '--inventory',
      path.join(out, 'vide.csv'),
      '--html',
      path.join(out, 'p.html'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('inventaire inutilisable');
  });
});
