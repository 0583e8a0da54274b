/**
 * Runs one hostile file through the real import (bench/hostile-child.ts) in a child node process with a capped
 * heap and a wall-clock kill, so a regression shows as a failed test, never as a machine out of memory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('../../../bench/hostile-child.ts', import.meta.url));

export interface HostileOutcome {
  /** null when the child crashed or was killed. */
  ok: boolean | null;
  message: string;
  problems: number;
  peakMb: number | null;
}

export function importInChild(
  bytes: Uint8Array,
  fileName: string,
  kind: 'inventory' | 'side' = 'inventory',
): HostileOutcome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-hostile-'));
  try {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const run = spawnSync(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', CHILD, file, kind], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '' },
    });
    if (run.status !== 0)
      return { ok: null, message: `crashed: ${run.signal ?? run.status}`, problems: 0, peakMb: null };
    const out = JSON.parse(run.stdout) as { ok: boolean; message: string; problems: number; peakMb: number };
    // exceljs's temporary files would land in TMPDIR (tsx keeps its cache there too).
    const left = fs.readdirSync(tmp).filter((name) => !name.startsWith('tsx-'));
    if (left.length > 0) return { ...out, ok: null, message: `temporary files left: ${left.join(', ')}` };
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
