/**
 * The IT commands that need neither SQLite nor Electron: what dist/vigie-admin.mjs (plain `node`) and
 * `Vigie.exe --admin` offer (docs/deployment.md, "Outils TI sans poste de développement"). `agent` and `simulate`
 * run the workstation's core and stay with the development command line. Listed here rather than taken from
 * COMMANDS (run.ts) so that the bundle never even reaches their modules (the build refuses better-sqlite3).
 */
import type { Command } from './command';
import { lazyCommand as lazy } from './dispatch';

export const ADMIN_COMMANDS: readonly Command[] = [
  lazy('check-inventory', async () => (await import('./commands/check-inventory')).checkInventoryCommand),
  lazy('check-config', async () => (await import('./commands/check-config')).checkConfigCommand),
  lazy('publish', async () => (await import('./commands/publish')).publishCommand),
  lazy('keygen', async () => (await import('./commands/keygen')).keygenCommand),
  lazy('occurrences', async () => (await import('./commands/occurrences')).occurrencesCommand),
  lazy('timeline', async () => (await import('./commands/timeline')).timelineCommand),
  lazy('contact', async () => (await import('./commands/contact')).contactCommand),
  lazy('report', async () => (await import('./commands/report')).reportCommand),
  lazy('ics', async () => (await import('./commands/ics')).icsCommand),
  lazy('notice', async () => (await import('./commands/notice')).noticeCommand),
];
