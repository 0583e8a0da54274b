/**
 * Postes patterns that move many workstations at once are a warning for IT (issue 11): a catch-all `*`, or a
 * pattern matching more than a configurable share of the known names. Real inventory files, the real command line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostMapping } from '../../../shared/inventory/model';
import { hostPatternWarnings } from '../../../electron/core/settings/hosts';
import { cli } from '../cli/helpers';

const m = (pattern: string, site = 'HMR'): HostMapping => ({ pattern, site, services: [] });
const exact = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => m(`${prefix}-${String(i).padStart(4, '0')}`));

describe('hostPatternWarnings', () => {
  it('a catch-all is always a warning, whatever is known', () => {
    for (const pattern of ['*', ' ** ']) {
      const warnings = hostPatternWarnings([m(pattern, 'IUSMM')]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Postes : le motif « \*+ » \(site IUSMM\) s’applique à TOUS les postes/);
    }
  });

  it('a pattern matching more than the share of known names is a warning; a precise one is not', () => {
    const table = [...exact(6, 'HMR-LAB'), ...exact(4, 'IUSMM-PHA'), m('HMR-*'), m('HMR-LAB-*'), m('*-PHA-*', 'IUSMM')];
    expect(hostPatternWarnings(table)).toEqual([
      'Postes : le motif « HMR-* » (site HMR) correspond à 6 des 10 postes connus (60 %, plus de 50 %) : ' +
        'vérifiez qu’il ne déplace pas des postes d’autres unités.',
      expect.stringContaining('« HMR-LAB-* »'),
    ]);
    expect(hostPatternWarnings(table, { maxShare: 0.7 })).toEqual([]);
    expect(hostPatternWarnings(table, { maxShare: 0.3 })).toHaveLength(3);
  });

  it('known names from outside the table count too; too few known names say nothing', () => {
    expect(hostPatternWarnings([m('HMR-*'), m('HMR-LAB-0001')])).toEqual([]);
    const ad = ['HMR-LAB-0001', 'HMR-URG-0002', 'IUSMM-PHA-0001', 'IUSMM-LAB-0001', 'IUSMM-URG-0003', 'hmr-pha-0004'];
    expect(hostPatternWarnings([m('HMR-*')], { knownNames: ad })).toEqual([]); // 4 of 7 (the header line is one more name) = 50 %, not more
    expect(hostPatternWarnings([m('*-0001')], { knownNames: ad })).toHaveLength(0);
    expect(hostPatternWarnings([m('*-0*')], { knownNames: ad })).toHaveLength(1);
  });
});

describe('check-inventory warns about loose Postes patterns', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-postes-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function inventory(hosts: HostMapping[]): string {
    const source = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../fixtures/inventory/inventaire.json'), 'utf8'),
    ) as Record<string, unknown>;
    const file = path.join(dir, 'inventaire.json');
    fs.writeFileSync(file, JSON.stringify({ ...source, hosts }));
    return file;
  }

  it('a `*` row: usable, exit 0, with the warning', async () => {
    const run = await cli(['check-inventory', inventory([m('HMR-URG-0001'), m('*', 'IUSMM')]), '--json']);
    expect(run.code).toBe(0);
    const problems = run.json<{ problems: { severity: string; message: string }[] }>().problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/le motif « \* » \(site IUSMM\)/),
      }),
    );
  });

  it('--known-hosts (an AD export) and --max-pattern-share make the share check IT’s own', async () => {
    const file = inventory([m('HMR-*')]);
    const known = path.join(dir, 'postes-ad.csv');
    fs.writeFileSync(
      known,
      '\uFEFFName;OU\nHMR-LAB-0001;x\nHMR-LAB-0002;x\nHMR-URG-0001;x\nHMR-PHA-0001;x\nIUSMM-PHA-0001;x\nIUSMM-LAB-0001;x\n',
    );
    const share = (run: Awaited<ReturnType<typeof cli>>) =>
      run.json<{ problems: { message: string }[] }>().problems.filter((p) => p.message.includes('« HMR-* »'));
    expect(share(await cli(['check-inventory', file, '--json']))).toEqual([]); // nothing known: no share
    expect(share(await cli(['check-inventory', file, '--known-hosts', known, '--json']))).toHaveLength(1); // 4 of 7 (the header line is one more name)
    expect(
      share(await cli(['check-inventory', file, '--known-hosts', known, '--max-pattern-share', '60 %', '--json'])),
    ).toEqual([]);
    expect((await cli(['check-inventory', file, '--max-pattern-share', '2'])).code).toBe(2);
  });
});
