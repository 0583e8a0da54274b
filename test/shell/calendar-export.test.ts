import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { CALENDAR_FILE, createCalendarExporter } from '../../electron/shell/calendar-export';
import { memoryLogger } from './fakes';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const window = (iso: string) => {
  const start = DateTime.fromISO(iso, { zone: 'America/Toronto' });
  return {
    start,
    end: start.plus({ hours: 2 }),
    services: ['Urgence'],
    applications: [{ service: 'Urgence', application: 'GestLab' }],
  };
};

describe('createCalendarExporter', () => {
  it('writes the windows as one .ics in Documents (replacing the previous export) and shows it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'vigie-ics-'));
    dirs.push(base);
    const documentsDir = join(base, 'Documents');
    const reveal = vi.fn();
    let language: 'fr' | 'en' = 'fr';
    const exporter = createCalendarExporter({
      documentsDir,
      clock: new ManualClock('2026-03-01T09:00:00'),
      settings: async () => ({ site: 'Hôpital A', language }),
      reveal,
      log: memoryLogger(),
    });

    const first = await exporter([window('2026-03-10T02:00'), window('2026-04-14T02:00')]);
    expect(first.path).toBe(join(documentsDir, CALENDAR_FILE.fr));
    const text = readFileSync(first.path, 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(reveal).toHaveBeenCalledWith(first.path);

    const again = await exporter([window('2026-05-12T02:00')]);
    expect(again.path).toBe(first.path);
    expect(readFileSync(again.path, 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(readdirSync(documentsDir)).toEqual([CALENDAR_FILE.fr]);

    language = 'en';
    const english = await exporter([window('2026-05-12T02:00')]);
    expect(english.path).toBe(join(documentsDir, CALENDAR_FILE.en));
    expect(existsSync(`${english.path}.partial`)).toBe(false);
  });
});
