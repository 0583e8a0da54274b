/**
 * A crash inside the rule parser is Vigie's bug, not the author's mistake (issue 14): it is returned with the
 * error kept, counted, and shown by check-inventory as an internal error with its stack. The crash is planted by
 * making the real time-range scanner throw on one marker text; every other text goes through the real code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseSchedule } from '../../../shared/schedule';
import type * as TimeRangeModule from '../../../shared/schedule/timerange';
import { importInventory, importSideTable } from '../../../electron/core/inventory/import';
import { captureCli } from '../run-cli';
import { cli } from './helpers';

const MARKER = 'plantage';

vi.mock('../../../shared/schedule/timerange', async (importOriginal) => {
  const real = await importOriginal<typeof TimeRangeModule>();
  return {
    ...real,
    extractTimeRange: (text: string) => {
      if (text.includes(MARKER)) throw new TypeError('planted crash in extractTimeRange');
      return real.extractTimeRange(text);
    },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'vigie-internal-error-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a crash inside the rule parser', () => {
  it('is returned as an internal error with the error kept, unlike a refusal', () => {
    const crashed = parseSchedule(`1er mercredi ${MARKER} 2h-4h`);
    expect(crashed).toMatchObject({
      status: 'unrecognized',
      message: 'Erreur interne de Vigie en lisant cette plage (TypeError : planted crash in extractTimeRange)',
      internalError: { name: 'TypeError', message: 'planted crash in extractTimeRange' },
    });
    expect(crashed.status === 'unrecognized' && crashed.internalError?.stack).toMatch(/extractTimeRange/);
    const refused = parseSchedule('1er mercredi 25h-4h');
    expect(refused).toEqual({ status: 'unrecognized', raw: '1er mercredi 25h-4h', message: 'Heure invalide : 25h' });
  });

  it('is counted and surfaced by check-inventory as an internal error, with its stack', async () => {
    const file = path.join(dir, 'inventaire.csv');
    writeFileSync(
      file,
      [
        'Direction;Site;Service;Application;Plage de maintenance;Commentaire',
        `DSP;IUSMM;Laboratoire;GestLab;1er mercredi ${MARKER} 2h-4h;`,
        'DSP;IUSMM;Laboratoire;Cobas IT;1er mercredi 25h-4h;',
        'DSP;IUSMM;Laboratoire;LIS;1er mercredi 2h-4h;',
      ].join('\r\n'),
    );
    // Parsed in this process: the planted crash lives in this process's module graph, not in a child's.
    const run = await captureCli(['check-inventory', file, '--json'], {
      clock: '2026-11-25T09:00:00',
      parser: { inventory: (b, n) => importInventory(b, n), sideTable: importSideTable },
    });
    const json = { json: <T>() => JSON.parse(run.out) as T };
    const body = json.json<{
      ok: boolean;
      internalErrors: number;
      problems: { row: number; message: string; internalError?: { name: string; stack: string } }[];
    }>();
    expect(body.ok).toBe(true);
    expect(body.internalErrors).toBe(1);
    const internal = body.problems.filter((p) => p.internalError);
    expect(internal).toHaveLength(1);
    expect(internal[0]?.row).toBe(2);
    expect(internal[0]?.message).toMatch(/^Erreur interne de Vigie en lisant la plage de maintenance de « GestLab »/);
    expect(internal[0]?.internalError?.stack).toMatch(/planted crash in extractTimeRange\n\s+at /);
    // The ordinary refusal stays an ordinary warning.
    expect(body.problems.find((p) => p.row === 3)).toEqual({
      row: 3,
      column: 'Plage de maintenance',
      severity: 'warning',
      message: expect.stringMatching(/^Plage de maintenance de « Cobas IT » non comprise/),
    });

    const printed = await captureCli(['check-inventory', file], {
      clock: '2026-11-25T09:00:00',
      parser: { inventory: (b, n) => importInventory(b, n), sideTable: importSideTable },
    });
    const text = { stdout: printed.out };
    expect(text.stdout).toMatch(/ERREUR INTERNE \(ligne 2, colonne « Plage de maintenance »\) : Erreur interne/);
    expect(text.stdout).toContain('TypeError: planted crash in extractTimeRange');
    expect(text.stdout).toContain("Erreurs internes de Vigie : 1 (à signaler à l'équipe de Vigie)");
    expect(text.stdout).toMatch(
      /attention \(ligne 3, colonne « Plage de maintenance »\) : Plage de maintenance de « Cobas IT »/,
    );
  });
});

describe('check-inventory and the spring-forward gap', () => {
  it('lists the rules a spring-forward night empties in the coming 13 months, never the others', async () => {
    const file = path.join(dir, 'heure.csv');
    writeFileSync(
      file,
      [
        'Direction;Site;Service;Application;Plage de maintenance;Commentaire',
        'DSP;IUSMM;Laboratoire;GestLab;2e dimanche 2h30-3h;',
        'DSP;IUSMM;Pharmacie;GespharX;2e dimanche 2h30-3h;',
        'DSP;IUSMM;Laboratoire;LIS;2e dimanche 2h-4h;',
      ].join('\r\n'),
    );
    const body = (await cli(['check-inventory', file, '--json'])).json<{ emptyWindows: unknown }>();
    expect(body.emptyWindows).toEqual([
      { schedule: '2e dimanche 2h30-3h', applications: ['GestLab', 'GespharX'], at: ['2027-03-14T03:30:00-04:00'] },
    ]);
    const text = await cli(['check-inventory', file]);
    expect(text.stdout).toContain(
      "attention : la plage « 2e dimanche 2h30-3h » (GestLab, GespharX) est vide à cause du changement d'heure : " +
        'dimanche 14 mars à 3 h 30 (début, fin et vérification au même moment).',
    );
    // From April 2027 on, the next such night is 2028-03-12.
    const later = (await cli(['check-inventory', file, '--json'], '2027-04-01T09:00:00')).json<{
      emptyWindows: { at: string[] }[];
    }>();
    expect(later.emptyWindows[0]?.at).toEqual(['2028-03-12T03:30:00-04:00']);
  });
});
