/** Real temp folders, a sample report and a quiet in-process CLI for the reports tests. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Logger } from '../../../electron/core/store';
import { captureCli } from '../run-cli';
import type { VerificationReport } from '../../../shared/reports/types';

const created: string[] = [];

export function tempDir(prefix = 'vigie-reports-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function sampleReport(overrides: Partial<VerificationReport> = {}): VerificationReport {
  return {
    format: 'vigie-report',
    version: 1,
    reportId: randomUUID(),
    workstation: 'HMR-LAB-0042',
    userAccount: 'soins.lab',
    initials: 'MT',
    site: 'IUSMM',
    services: ['Laboratoire'],
    window: { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' },
    submittedAt: '2026-12-02T04:20:00-05:00',
    createdAt: '2026-12-02T04:20:00-05:00',
    appVersion: '0.1.0',
    items: [
      {
        application: 'Cobas IT',
        service: 'Laboratoire',
        checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
      },
      {
        application: 'GestLab',
        service: 'Laboratoire',
        checks: [
          {
            id: 'starts',
            result: 'problem',
            comment: 'Écran gris',
            restart: 'not-fixed',
            contactAdvised: { name: 'CDA', phone: '3050', url: null },
          },
          { id: 'transfers', result: 'ok', comment: '', restart: null, contactAdvised: null },
        ],
      },
    ],
    ...overrides,
  };
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}

export function memoryLog(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (message, data) => lines.push({ level: 'info', message, data }),
    warn: (message, data) => lines.push({ level: 'warn', message, data }),
    error: (message, data) => lines.push({ level: 'error', message, data }),
  };
}

/** All files under `dir`, relative, '/'-separated, sorted. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

export async function cli(argv: string[], now = '2026-12-03T09:00:00', cwd = process.cwd()) {
  const run = await captureCli(argv, { clock: now, cwd });
  return { ...run, json: <T = unknown>() => JSON.parse(run.out) as T };
}
