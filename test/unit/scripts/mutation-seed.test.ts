// `npm run mutation -- <folder> --seed <file>…` (scripts/mutation-seed.mjs): per-file Stryker results merged into the
// folder's incremental file. Ids are local to each run, so a merge that kept them would point a mutant at another
// run's test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedIncremental } from '../../../scripts/mutation-seed.mjs';

interface Mutant {
  id: string;
  status: string;
  coveredBy?: string[];
  killedBy?: string[];
}
interface Report {
  schemaVersion: string;
  files: Record<string, { source: string; mutants: Mutant[] }>;
  testFiles: Record<string, { source: string; tests: { id: string; name: string }[] }>;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-seed-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, report: Report): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(report));
  return file;
}
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
/** The names of the tests a mutant's ids point to, in the merged report. */
function names(report: Report, ids: string[] | undefined): string[] {
  const byId = new Map(Object.values(report.testFiles).flatMap((f) => f.tests.map((t) => [t.id, t.name] as const)));
  return (ids ?? []).map((id) => byId.get(id) ?? `missing ${id}`);
}

const formatRun: Report = {
  schemaVersion: '2',
  files: {
    'shared/schedule/format.ts': {
      source: 'A',
      mutants: [{ id: '0', status: 'Killed', coveredBy: ['0', '1'], killedBy: ['1'] }],
    },
  },
  testFiles: {
    'test/unit/schedule/format.test.ts': {
      source: 'T1',
      tests: [
        { id: '0', name: 'a' },
        { id: '1', name: 'b' },
      ],
    },
  },
};
const zoneRun: Report = {
  schemaVersion: '2',
  files: {
    'shared/schedule/zone.ts': { source: 'Z', mutants: [{ id: '0', status: 'Survived', coveredBy: ['0', '1'] }] },
  },
  testFiles: {
    // The same test file as the other run, its tests numbered in another order, and one more file.
    'test/unit/schedule/format.test.ts': {
      source: 'T1',
      tests: [
        { id: '1', name: 'a' },
        { id: '0', name: 'b' },
      ],
    },
    'test/unit/schedule/zone.test.ts': { source: 'T2', tests: [{ id: '2', name: 'c' }] },
  },
};

describe('seedIncremental', () => {
  it('keeps every source file of every run, each mutant pointing at the same tests by name as in its own run', () => {
    const target = path.join(dir, 'folder.incremental.json');
    const counts = seedIncremental(target, [write('f.json', formatRun), write('z.json', zoneRun)]);
    expect(counts).toEqual({ files: 2, mutants: 2, tests: 3 });
    const merged = read(target);
    const format = merged.files['shared/schedule/format.ts']!.mutants[0]!;
    expect(names(merged, format.coveredBy)).toEqual(['a', 'b']);
    expect(names(merged, format.killedBy)).toEqual(['b']);
    const zone = merged.files['shared/schedule/zone.ts']!.mutants[0]!;
    expect(zone.status).toBe('Survived');
    expect(names(merged, zone.coveredBy)).toEqual(['b', 'a']);
    // One entry per test, ids unique across the merged report; mutant ids unique too.
    const ids = Object.values(merged.testFiles).flatMap((f) => f.tests.map((t) => t.id));
    expect(new Set(ids).size).toBe(3);
    expect(format.id).not.toBe(zone.id);
  });

  it("reads the target's own results first: a seed's newer run of the same source file replaces them", () => {
    const target = write('folder.incremental.json', {
      ...formatRun,
      files: {
        ...formatRun.files,
        'shared/schedule/zone.ts': { source: 'old', mutants: [{ id: '7', status: 'NoCoverage' }] },
      },
    });
    seedIncremental(target, [write('z.json', zoneRun)]);
    const merged = read(target);
    expect(Object.keys(merged.files).sort()).toEqual(['shared/schedule/format.ts', 'shared/schedule/zone.ts']);
    expect(merged.files['shared/schedule/zone.ts']!.source).toBe('Z');
    expect(merged.files['shared/schedule/zone.ts']!.mutants.map((m) => m.status)).toEqual(['Survived']);
    expect(names(merged, merged.files['shared/schedule/format.ts']!.mutants[0]!.killedBy)).toEqual(['b']);
  });

  it('refuses a file that is not a Stryker report, naming it, and writes nothing', () => {
    const target = path.join(dir, 'folder.incremental.json');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"hello": 1}');
    expect(() => seedIncremental(target, [bad])).toThrow(`${bad}: pas un rapport Stryker / not a Stryker report`);
    expect(fs.existsSync(target)).toBe(false);
  });
});
