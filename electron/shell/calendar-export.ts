/**
 * "Export to Outlook" from the status window (issue 5): the core picks the windows, this writes them as .ics
 * into the user's Documents folder under one fixed name (a new export replaces the previous one, and Outlook
 * updates the events by UID) and shows the file in Explorer, where a double-click imports it.
 * No dialog on purpose: ward staff should not have to pick a folder.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SettingsValues } from '../../shared/ipc/views';
import type { PlannedWindow } from '../../shared/planning';
import { buildIcs } from '../core/calendar/ics';
import type { Clock } from '../core/clock';
import type { Logger } from './log';

export const CALENDAR_FILE = {
  fr: 'Vigie - plages de maintenance.ics',
  en: 'Vigie - maintenance windows.ics',
} as const;

export interface CalendarExportDeps {
  documentsDir: string;
  clock: Clock;
  settings(): Promise<Pick<SettingsValues, 'site' | 'language'>>;
  /** Shows the written file (Explorer); optional and best effort. */
  reveal?: (file: string) => void;
  log: Logger;
}

export function createCalendarExporter(
  deps: CalendarExportDeps,
): (windows: PlannedWindow[]) => Promise<{ path: string }> {
  return async (windows) => {
    const { site, language } = await deps.settings();
    const text = buildIcs(windows, { zone: deps.clock.zone, site: site ?? '', now: deps.clock.now(), language });
    const file = join(deps.documentsDir, CALENDAR_FILE[language]);
    await mkdir(deps.documentsDir, { recursive: true });
    // Written beside, then renamed: Outlook never opens a half-written file.
    const partial = `${file}.partial`;
    await writeFile(partial, text, 'utf8');
    await rename(partial, file);
    deps.log.info('calendrier exporté', { file, windows: windows.length });
    try {
      deps.reveal?.(file);
    } catch (error) {
      deps.log.warn('affichage du fichier impossible', { error: String(error) });
    }
    return { path: file };
  };
}
