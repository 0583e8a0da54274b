/**
 * `notice publish | end | list` (issue 13, "Unplanned outage notices"; docs/deployment.md, "Avis de panne"): IT
 * tells the wards that an application is down NOW. One small JSON file per notice, written atomically (temporary
 * name, then rename) into the notices folder the workstations watch; `end` rewrites it the same way.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { DateTime } from 'luxon';
import {
  MAX_NOTICE_BYTES,
  MAX_NOTICE_MESSAGE,
  NOTICE_FORMAT,
  NOTICE_VERSION,
  noticeEnd,
  noticeFileName,
  noticeStart,
  NoticeSchema,
  type Notice,
} from '../../../shared/notices/notice';
import { UsageError, parseArgs } from '../args';
import type { Command } from '../command';
import { iso, parseMoment, printJson, type CliIo, type ExitCode } from '../io';
import { sanitizeTerminal } from '../terminal';
import { loadInventory } from '../load';
import { assertKnownProfile, UnknownName } from '../profile';
import { noticeReachesInventory } from '../../../shared/notices/plan';
import { sortedUnique } from '../../../shared/planning/names';
import type { Inventory } from '../../../shared/inventory/model';
import { USAGE } from '../usage';
import { defaultReportIdentity } from '../../core/reports/build';
import { NoticeError, scanNoticesFolder } from './notice-folder';
import { writeOutputFile } from './write-output';

const PUBLISH = {
  dir: { type: 'string', required: true },
  site: { type: 'string', required: true },
  service: { type: 'list' },
  application: { type: 'list' },
  message: { type: 'string', required: true },
  from: { type: 'string' },
  until: { type: 'string' },
  inventory: { type: 'string' },
  json: { type: 'flag' },
} as const;
const END = {
  dir: { type: 'string', required: true },
  id: { type: 'string', required: true },
  at: { type: 'string' },
  json: { type: 'flag' },
} as const;
const LIST = { dir: { type: 'string', required: true }, json: { type: 'flag' } } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function nonEmpty(values: readonly string[], option: string): string[] {
  return values.map((v) => {
    const t = v.trim();
    if (t === '') throw new UsageError(`--${option} : valeur vide`);
    return t;
  });
}

/** Validated with the very schema the workstations read with: a notice IT publishes is a notice wards get. */
async function writeNotice(dir: string, notice: Notice): Promise<string> {
  const checked = NoticeSchema.safeParse(notice);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(`avis non valide : ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const text = JSON.stringify(checked.data, null, 2) + '\n';
  if (Buffer.byteLength(text) > MAX_NOTICE_BYTES) {
    throw new UsageError(`avis trop long (${MAX_NOTICE_BYTES} octets au plus) / notice too large`);
  }
  const file = path.join(dir, noticeFileName(notice.id));
  await writeOutputFile(file, text);
  return file;
}

/** Exit 1 with the known names when the notice would reach no application of the inventory. */
function assertReaches(inventory: Inventory, site: string, services: string[], applications: string[]): void {
  assertKnownProfile(inventory, site, services);
  const probe = { site, services, applications } as Pick<Notice, 'site' | 'services' | 'applications'>;
  if (noticeReachesInventory(probe, inventory)) return;
  const names = sortedUnique(
    inventory.applications
      .filter((a) => noticeReachesInventory({ ...probe, applications: [] }, { ...inventory, applications: [a] }))
      .map((a) => a.application.trim()),
  );
  throw new UnknownName(
    `aucune application ${applications.map((a) => `« ${sanitizeTerminal(a)} »`).join(', ')} à ` +
      `${sanitizeTerminal(site)}${services.length > 0 ? ` (${services.map(sanitizeTerminal).join(', ')})` : ''}. ` +
      `Applications connues : ${names.map(sanitizeTerminal).join(', ') || '(aucune)'}`,
  );
}

function stateOf(n: Notice, now: DateTime): 'à venir' | 'en cours' | 'terminé' {
  const end = noticeEnd(n);
  if (end !== null && end <= now.toMillis()) return 'terminé';
  return noticeStart(n) > now.toMillis() ? 'à venir' : 'en cours';
}

async function publish(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseArgs(argv, PUBLISH);
  const zone = io.clock.zone;
  const now = io.clock.now();
  const message = (args.strings.message as string).trim();
  if (message === '') throw new UsageError('--message : le texte est vide');
  if (message.length > MAX_NOTICE_MESSAGE) {
    throw new UsageError(`--message : ${MAX_NOTICE_MESSAGE} caractères au plus (${message.length} donnés)`);
  }
  const site = (args.strings.site as string).trim();
  if (site === '') throw new UsageError('--site : valeur vide');
  const from = args.strings.from === undefined ? undefined : parseMoment(args.strings.from, zone, 'from');
  const until = args.strings.until === undefined ? undefined : parseMoment(args.strings.until, zone, 'until');
  if (until && until <= (from ?? now)) {
    throw new UsageError(`--until doit être après ${from ? '--from' : 'maintenant'} / --until must be later`);
  }
  const services = nonEmpty(args.lists.service ?? [], 'service');
  const applications = nonEmpty(args.lists.application ?? [], 'application');
  // With the inventory, a misspelt site, service or application is refused before any workstation sees it.
  if (args.strings.inventory !== undefined) {
    assertReaches(await loadInventory(io, args.strings.inventory), site, services, applications);
  }
  const { dir } = await scanNoticesFolder(io, args.strings.dir as string);
  const notice: Notice = {
    format: NOTICE_FORMAT,
    version: NOTICE_VERSION,
    id: randomUUID(),
    site,
    services,
    applications,
    message,
    ...(from ? { from: iso(from) } : {}),
    ...(until ? { until: iso(until) } : {}),
    publishedAt: iso(now),
    publisher: defaultReportIdentity().userAccount.slice(0, 256),
  };
  const file = await writeNotice(dir, notice);
  if (args.flags.json) printJson(io, { id: notice.id, path: file });
  else io.out(`Avis publié : ${notice.id}\n${file}\n`);
  return 0;
}

async function end(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseArgs(argv, END);
  const id = (args.strings.id as string).trim().toLowerCase();
  if (!UUID.test(id)) throw new UsageError(`--id : identifiant d'avis attendu (comme ${randomUUID()})`);
  const at = args.strings.at === undefined ? io.clock.now() : parseMoment(args.strings.at, io.clock.zone, 'at');
  const scan = await scanNoticesFolder(io, args.strings.dir as string);
  const notice = scan.notices.find((n) => n.id.toLowerCase() === id);
  if (!notice) {
    const refused = scan.ignored.find((f) => f.file === noticeFileName(id));
    throw new NoticeError(
      refused
        ? `l'avis ${id} est illisible (${refused.reason}) / notice unreadable`
        : `aucun avis ${id} dans ${scan.dir} / no such notice`,
    );
  }
  if (notice.endedAt !== undefined) {
    throw new NoticeError(`l'avis ${id} est déjà terminé (${notice.endedAt}) / notice already ended`);
  }
  if (at.toMillis() <= Date.parse(notice.from ?? notice.publishedAt)) {
    throw new UsageError('--at doit être après le début de la panne / --at must be after the outage began');
  }
  const file = await writeNotice(scan.dir, { ...notice, endedAt: iso(at) });
  if (args.flags.json) printJson(io, { id, path: file, endedAt: iso(at) });
  else io.out(`Avis terminé : ${id} (${iso(at)})\n`);
  return 0;
}

async function list(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseArgs(argv, LIST);
  const scan = await scanNoticesFolder(io, args.strings.dir as string);
  const now = io.clock.now();
  const notices = scan.notices.map((n) => ({ ...n, state: stateOf(n, now) }));
  if (args.flags.json) {
    printJson(io, { notices, ignored: scan.ignored });
    return 0;
  }
  const lines = notices.map((n) => {
    const where = [n.site, ...n.services].join(' / ');
    const apps = n.applications.length > 0 ? ` [${n.applications.join(', ')}]` : '';
    return sanitizeTerminal(`${n.id}  ${n.state.padEnd(8)}  ${where}${apps} — ${n.message}`);
  });
  io.out(
    [
      lines.length > 0 ? lines.join('\n') : 'Aucun avis dans ce dossier.',
      ...scan.ignored.map((f) => sanitizeTerminal(`ignoré : ${f.file} — ${f.reason}`)),
      '',
    ].join('\n'),
  );
  return 0;
}

export const noticeCommand: Command = {
  name: 'notice',
  usage: USAGE.notice,
  run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'publish') return publish(rest, io);
    if (action === 'end') return end(rest, io);
    if (action === 'list') return list(rest, io);
    throw new UsageError(`action attendue : publish, end ou list${action ? ` (pas « ${action} »)` : ''}`);
  },
};
