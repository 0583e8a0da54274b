import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { printJson } from '../io';
import { readPublicKeyFiles } from '../keys';
import { sanitizeTerminal } from '../terminal';
import { withHostWarnings } from '../../core/inventory/import';
import type { InventoryParser } from '../../core/inventory/isolation/isolated-parser';
import type { ImportProblem, ImportResult } from '../../../shared/inventory/model';
import { inventoryStats } from '../../../shared/inventory';
import { checkPublication, type SignedFile } from '../../core/signing/publication';
import { fetchHttp } from '../../core/sync/fetch-http';
import { MAX_BYTES } from '../../core/sync/limits';
import { readWorkstationSet, type WorkstationSet } from '../../core/sync/workstation-set';
import { exceptionProblems } from '../../../shared/planning/exceptions-check';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';
import { publicKeysOf, readRemoteSignature, signedFilesOf } from '../../core/sync/signature';
import { parseSource } from '../../core/sync/source';
import { cliParser } from '../parse-entry';
import { emptyWindowLine, emptyWindowsOf } from './check-inventory-findings';
import { USAGE } from '../usage';

const SPEC = {
  json: { type: 'flag' },
  'public-key': { type: 'list' },
  'max-pattern-share': { type: 'string' },
  'known-hosts': { type: 'string' },
} as const;

/** `--max-pattern-share 0.3` (or 30 %): a share of the known workstation names, between 0 and 1. */
function parseShare(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const percent = text.trim().endsWith('%');
  const value = Number(text.trim().replace(/\s*%$/, '').replace(',', '.'));
  const share = percent ? value / 100 : value;
  if (!Number.isFinite(share) || share <= 0 || share > 1) {
    throw new UsageError(`--max-pattern-share : part invalide « ${text} » (attendu entre 0 et 1, ex. 0.5 ou 50 %)`);
  }
  return share;
}

/** `--known-hosts <fichier>`: one workstation name per line (an Active Directory export), bounded. */
async function readKnownHosts(file: string | undefined, cwd: string): Promise<string[] | undefined> {
  if (file === undefined) return undefined;
  const resolved = path.resolve(cwd, file);
  try {
    const info = await nodeFs.stat(resolved);
    if (info.size > 10 * 1024 * 1024) throw new UsageError(`--known-hosts : « ${file} » est trop volumineux`);
    const text = await nodeFs.readFile(resolved, 'utf8');
    // A CSV export keeps its first column; a header line is just one more name that matches nothing.
    return text.split(/\r?\n/).map((line) => (line.split(/[;,\t]/)[0] ?? '').replace(/^\uFEFF|"/g, '').trim());
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--known-hosts : « ${file} » illisible`);
  }
}

const HTTP_TIMEOUT_MS = 30_000;

/**
 * `valid`/`invalid`: checked with the given public keys, as a workstation whose policy lists them would;
 * `absent`: no .minisig; `unverified`: a signature is there but no --public-key was given to check it.
 */
type SignatureStatus = 'valid' | 'invalid' | 'absent' | 'unverified';

interface Read {
  result: ImportResult;
  files: SignedFile[] | null;
  /** Why the signatures could not even be read. */
  readError: string | null;
  /** The side files read with it (file sources only) and where each table came from. */
  sides?: WorkstationSet['sides'];
}

/** A parse that could not even run (the child failed to start…): refused with its reason, like a bad file. */
function notParsed(error: unknown): { ok: false; format: null; problems: ImportProblem[] } {
  const why = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    format: null,
    problems: [{ row: null, column: null, severity: 'error', message: `Le fichier n'a pas pu être analysé : ${why}.` }],
  };
}

/** In a separate process, as on the workstations: a hostile file is refused here the way the sync refuses it. */
function isolatedImport(parser: InventoryParser): (bytes: Uint8Array, fileName: string) => Promise<ImportResult> {
  return (bytes, fileName) => parser.inventory(bytes, fileName).catch(notParsed);
}

/**
 * The file and the side files beside it, parsed and merged as a workstation does (electron/core/sync/
 * workstation-set.ts), then the Exceptions rows checked against the merged list.
 */
async function readLocal(file: string, parser: InventoryParser): Promise<Read> {
  const set = await readWorkstationSet(file, {
    inventory: isolatedImport(parser),
    side: (bytes, fileName) => parser.sideTable(bytes, fileName).catch(notParsed),
  });
  const { result, sides } = set;
  if (!result.ok || set.fetched === null) return { result, files: null, readError: null, sides };
  // The signatures cover the file and the side files a workstation would read with it.
  const source = { kind: 'file' as const, label: file, path: file };
  try {
    return { result, files: await signedFilesOf(set.fetched, source, fsIo()), readError: null, sides };
  } catch (error) {
    return { result, files: null, readError: error instanceof Error ? error.message : String(error), sides };
  }
}

function fsIo() {
  return { fs: nodeFs, fetch: globalThis.fetch, timeoutMs: HTTP_TIMEOUT_MS };
}

async function readRemote(url: URL, io: CliIo, parser: InventoryParser): Promise<Read> {
  const fetch = io.fetch ?? globalThis.fetch;
  const fetched = await fetchHttp(url, undefined, { fetch, maxBytes: MAX_BYTES, timeoutMs: HTTP_TIMEOUT_MS });
  if (fetched.kind !== 'bytes') {
    const message = fetched.kind === 'failed' ? fetched.failure.message : 'Réponse inattendue du serveur.';
    return {
      result: { ok: false, format: null, problems: [{ row: null, column: null, severity: 'error', message }] },
      files: null,
      readError: null,
    };
  }
  const result = await isolatedImport(parser)(fetched.bytes, fetched.fileName);
  try {
    const signature = await readRemoteSignature(url, { fetch, timeoutMs: HTTP_TIMEOUT_MS });
    return { result, files: [{ fileName: fetched.fileName, bytes: fetched.bytes, signature }], readError: null };
  } catch (error) {
    return { result, files: null, readError: error instanceof Error ? error.message : String(error) };
  }
}

function signatureOf(
  read: Read,
  keys: readonly string[],
  io: CliIo,
): { status: SignatureStatus | null; message: string | null } {
  if (read.readError) return { status: 'invalid', message: read.readError };
  if (!read.files) return { status: null, message: null };
  if (keys.length === 0) {
    const any = read.files.some((f) => f.signature !== null);
    return { status: any ? 'unverified' : 'absent', message: null };
  }
  // No sequence to compare with: replay is a workstation's own history (its store).
  const check = checkPublication(read.files, publicKeysOf(keys), io.clock.now(), null);
  if (check.ok) return { status: 'valid', message: `publication n° ${check.sequence}, clé ${check.keyId}` };
  return { status: check.status, message: check.reason };
}

export const checkInventoryCommand: Command = {
  name: 'check-inventory',
  usage: USAGE['check-inventory'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const target = args.positionals[0];
    if (!target) throw new UsageError('le fichier à vérifier est obligatoire');
    const keys = await readPublicKeyFiles(io, args.lists['public-key'] ?? []);
    // The same sources as the workstations' sync: a path, a file: URL or an https:// address.
    const source = parseSource(target, { embeddedPath: '' });
    if (source.kind === 'bad') throw new UsageError(source.message);
    const parser = io.parser ?? cliParser();
    const read =
      source.kind === 'http'
        ? await readRemote(source.url, io, parser)
        : await readLocal(path.resolve(io.cwd, source.path), parser);
    // The Postes pattern warnings against IT's own list of names (computed here: the parse child has none).
    const withExceptions: ImportResult = read.result.ok
      ? // The Exceptions rows against the merged list (a side file may bring them): docs/inventory-format.md §5.
        {
          ...read.result,
          problems: [...read.result.problems, ...exceptionProblems(read.result.inventory, DEFAULT_ZONE)],
        }
      : read.result;
    const result = withHostWarnings(withExceptions, {
      hostPatterns: {
        maxShare: parseShare(args.strings['max-pattern-share']),
        knownNames: await readKnownHosts(args.strings['known-hosts'], io.cwd),
      },
    });
    const signature = signatureOf(read, keys, io);
    const internalErrors = result.problems.filter((p) => p.internalError !== undefined);
    const empty = result.ok ? emptyWindowsOf(result.inventory, io.clock) : [];
    const stats = result.ok
      ? inventoryStats(result.inventory)
      : { applications: 0, byStatus: { scheduled: 0, 'not-affected': 0, 'to-be-determined': 0, unrecognized: 0 } };
    // The same import, within the same limits (shared/inventory/limits.ts), as the sync on the workstations.
    const refusal = result.ok ? null : (result.problems.filter((p) => p.severity === 'error').at(-1)?.message ?? null);
    const report = {
      ok: result.ok,
      /** The workstations would refuse this file and keep their last good inventory. */
      refusedByWorkstations: !result.ok,
      refusal,
      format: result.format,
      publishedAt: result.ok ? result.inventory.publishedAt : null,
      applications: stats.applications,
      byStatus: stats.byStatus,
      problems: result.problems,
      signature: signature.status,
      signatureMessage: signature.message,
      /** Crashes of Vigie itself while reading rows (bugs to report, not faults of the file). */
      internalErrors: internalErrors.length,
      emptyWindows: empty,
      /** Side files read beside the inventory: kind, path, and "file" (used) or "workbook" (unusable). */
      sideFiles: read.sides ?? [],
      exceptions: result.ok ? (result.inventory.exceptions ?? []).length : 0,
    };
    if (args.flags.json) printJson(io, report);
    else {
      const lines = [
        result.ok
          ? `Inventaire utilisable (${report.format}).`
          : `Inventaire NON utilisable : les postes refuseraient ce fichier et garderaient leur dernier inventaire valide.`,
        `Publication : ${sanitizeTerminal(report.publishedAt ?? 'inconnue')}`,
        ...report.sideFiles.map(
          (side) =>
            `Fichier séparé : ${sanitizeTerminal(path.basename(side.file))}${side.table === 'file' ? '' : ' (inutilisable)'}`,
        ),
        ...(report.exceptions > 0 ? [`Exceptions au calendrier : ${report.exceptions}`] : []),
        `Applications : ${report.applications} — planifiées ${stats.byStatus.scheduled}, pas touchées ${stats.byStatus['not-affected']}, à venir ${stats.byStatus['to-be-determined']}, non reconnues ${stats.byStatus.unrecognized}`,
      ];
      if (signature.status) {
        const words = {
          valid: 'valide',
          invalid: 'NON valide',
          absent: 'absente',
          unverified: 'présente, non vérifiée (--public-key)',
        };
        lines.push(
          `Signature : ${words[signature.status]}${signature.message ? ` — ${sanitizeTerminal(signature.message)}` : ''}`,
        );
      }
      if (result.problems.length) lines.push('Problèmes :');
      for (const p of result.problems) {
        // JSON problems number the entries of the list, not lines of a sheet.
        const where = [
          p.row !== null ? `${result.format === 'json' ? 'élément' : 'ligne'} ${p.row}` : null,
          p.column ? `colonne « ${p.column} »` : null,
        ]
          .filter(Boolean)
          .join(', ');
        const label = p.internalError ? 'ERREUR INTERNE' : p.severity === 'error' ? 'ERREUR' : 'attention';
        lines.push(sanitizeTerminal(`  ${label}${where ? ` (${where})` : ''} : ${p.message}`));
        if (p.internalError)
          lines.push(`    ${(p.internalError.stack ?? p.internalError.message).split('\n').join('\n    ')}`);
      }
      if (internalErrors.length > 0) {
        lines.push(`Erreurs internes de Vigie : ${internalErrors.length} (à signaler à l'équipe de Vigie)`);
      }
      if (empty.length > 0) lines.push("Changement d'heure :", ...empty.map(emptyWindowLine));
      io.out(lines.join('\n') + '\n');
    }
    // With keys given, a signature the workstations would refuse makes the check fail too.
    const signatureRefused = keys.length > 0 && signature.status !== 'valid';
    return result.ok && !signatureRefused ? 0 : 1;
  },
};
