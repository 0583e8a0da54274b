/**
 * `check-inventory` parses in a child process as the workstations do: on the workbook of issue 9 (one row numbered
 * 2,000,000,000) it answers "refused" in French with exit code 1 instead of dying with the V8 heap.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARSE_ENTRY } from '../../../electron/cli/parse-entry';
import { xlsxWithRowNumber } from '../sync/hostile-files';

const root = path.join(import.meta.dirname, '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-check-hostile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check-inventory on a hostile workbook', () => {
  it('refuses it with a French reason and exit code 1, the command itself surviving', async () => {
    const file = path.join(dir, 'inventaire.xlsx');
    fs.writeFileSync(file, await xlsxWithRowNumber(2_000_000_000));
    const r = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [
          ...(PARSE_ENTRY.execArgv ?? []),
          path.join(root, 'electron', 'cli', 'main.ts'),
          'check-inventory',
          file,
          '--json',
        ],
        { cwd: root, encoding: 'utf8', timeout: 120_000 },
        (_error, stdout) => resolve({ code: child.exitCode, stdout }),
      );
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; problems: { message: string }[] };
    expect(report.ok).toBe(false);
    // Refused by the child's memory cap today; by the readers' own limits once they refuse such a sheet before
    // allocating (issue 9, "Bounded import"): either way a French sentence, never a dead command.
    expect(report.problems[0]?.message).toMatch(/refusé|Excel|lignes|limite|dépasse/i);
  }, 150_000);
});
