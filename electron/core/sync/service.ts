/**
 * Keeps the workstation's inventory fresh and never empty (issue 3, "Inventory sync"). The agent's tick calls
 * `syncNow()` when `clock.now() >= dueAt()`: no timers live here, so a PC waking from sleep simply finds the poll
 * overdue. Any failure keeps the last good inventory and is recorded in the sync log, from which `state()` derives
 * "hors ligne / non valide depuis…" — so the state survives restarts.
 */
import fsp from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { ImportResult, Inventory } from '../../../shared/inventory/model';
import type { InventoryStateView } from '../../../shared/ipc/views';
import type { Clock } from '../clock';
import { importInventory, importSideTable } from '../inventory/import';
import { ParserUnavailableError, type InventoryParser } from '../inventory/isolation/isolated-parser';
import type { Logger, SourceMeta, Store, SyncLogOutcome } from '../store';
import { silentLogger } from '../store';
import { applySideFiles, contentHash, keepSideTables, type SideImporter } from './apply-sides';
import { fetchFile, type Fetched, type SyncFs } from './fetch-file';
import { fetchHttp } from './fetch-http';
import { MAX_BYTES } from './limits';
import { UNSIGNED_MESSAGE, verifyFetched } from './signature';
import { ParseGuard } from './parse-guard';
import { EMBEDDED_SOURCE, parseSource, type InventorySource } from './source';

export type SyncOutcomeKind = SyncLogOutcome;

export interface SyncOutcome {
  outcome: SyncOutcomeKind;
  /** Why (French) when the source could not be used; null for ok/unchanged. */
  message: string | null;
  /** The inventory in use is a different version than before this call: re-plan. */
  changed: boolean;
  state: InventoryStateView;
}

export interface SyncServiceDeps {
  store: Store;
  clock: Clock;
  /** The embedded default inventory (assets/inventaire-par-defaut.csv). */
  embeddedPath: string;
  /** The configured source (settings.effective().inventorySource), read at every sync; null = embedded. */
  source?: () => string | null;
  /** Poll interval (IT's pollMinutes); default 5. */
  pollMinutes?: () => number;
  /**
   * Where untrusted files are parsed: a separate process in the app, the headless agent and the CLI
   * (inventory/isolation/). Absent = in this process (tests). `importer`/`sideImporter` override it (tests).
   */
  parser?: InventoryParser;
  importer?: (bytes: Uint8Array, fileName: string) => Promise<ImportResult>;
  /** Reads a side file (services.csv, contacts.csv, postes.csv…) found next to a file source. */
  sideImporter?: SideImporter;
  fs?: SyncFs;
  fetch?: typeof globalThis.fetch;
  wait?: (ms: number) => Promise<void>;
  /** [0, 1): spreads the polls of thousands of PCs. */
  random?: () => number;
  log?: Logger;
  /** Tests only: accept http://127.0.0.1 / localhost. */
  allowLocalHttp?: boolean;
  /**
   * IT's `inventoryPublicKeys` (or the agent's --public-key): when not null, only a publication signed with one of
   * these keys is applied (./signature.ts); an empty list trusts nothing. null = no signature required.
   */
  publicKeys?: () => readonly string[] | null;
}

export const DEFAULT_POLL_MINUTES = 5;
/** Up to +20 % on each interval, so PCs started together drift apart instead of hitting the share in step. */
export const POLL_JITTER = 0.2;
/** A file being written is looked at again soon rather than at the next regular poll. */
export const RETRY_SOON_MS = 30_000;
const STABLE_MS = 1500;
const MAX_LOOKS = 4;
const HTTP_TIMEOUT_MS = 30_000;
/** A new version is "suspiciously smaller" below half the rows AND at least this many rows fewer. */
const DROP_RATIO = 0.5;
const DROP_MIN_ROWS = 5;

const EMPTY_INVENTORY: Inventory = { publishedAt: null, applications: [], services: [], contacts: [], hosts: [] };

interface Attempt {
  outcome: SyncOutcomeKind;
  message: string | null;
  retrySoon?: boolean;
  /** Stat/validators of a file that was read and refused, so an unchanged bad file is not read again. */
  badMeta?: SourceMeta;
}

function realWait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lines(n: number): string {
  return n > 1 ? `${n} lignes` : `${n} ligne`;
}

function invalidMessage(result: Extract<ImportResult, { ok: false }>, fileName: string): string {
  const errors = result.problems.filter((p) => p.severity === 'error');
  const first = errors[0] ?? result.problems[0];
  const where = first?.row ? ` (ligne ${first.row})` : '';
  const more = errors.length > 1 ? ` (et ${errors.length - 1} autre(s) problème(s))` : '';
  return `Inventaire non valide (${fileName})${where} : ${first?.message ?? 'format non reconnu.'}${more}`;
}

export class SyncService {
  private readonly fs: SyncFs;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly log: Logger;
  private readonly importer: (bytes: Uint8Array, fileName: string) => Promise<ImportResult>;
  private readonly sideImporter: SideImporter;
  private readonly guard: ParseGuard;
  private next: DateTime;
  private inFlight: Promise<SyncOutcome> | null = null;
  private lastBad: { label: string; meta: SourceMeta; attempt: Attempt } | null = null;
  private cache: { id: number; inventory: Inventory } | null = null;

  constructor(private readonly deps: SyncServiceDeps) {
    this.fs = deps.fs ?? fsp;
    this.wait = deps.wait ?? realWait;
    this.log = deps.log ?? silentLogger;
    const parser = deps.parser;
    this.importer = deps.importer ?? (parser ? (b, n) => parser.inventory(b, n) : importInventory);
    this.sideImporter = deps.sideImporter ?? (parser ? (b, n) => parser.sideTable(b, n) : importSideTable);
    // Before the first sync: a parse that was running when the process died marks its version as failed.
    this.guard = new ParseGuard(deps.store, deps.clock, this.log);
    // Due at once: the first tick after start checks the source.
    this.next = deps.clock.now();
  }

  /** When the next poll is due; the agent's tick calls syncNow() once now >= dueAt(). */
  dueAt(): DateTime {
    return this.next;
  }

  /** The inventory in use: the last good one, the embedded default before any, never undefined. */
  current(): Inventory {
    const version = this.deps.store.inventory.currentVersion();
    if (!version) return EMPTY_INVENTORY;
    if (this.cache?.id !== version.id) {
      const stored = this.deps.store.inventory.current();
      if (!stored) return EMPTY_INVENTORY;
      this.cache = { id: stored.id, inventory: stored.inventory };
    }
    return this.cache.inventory;
  }

  state(): InventoryStateView {
    const { store, clock } = this.deps;
    const version = store.inventory.currentVersion();
    const { last, firstFailure } = store.syncLog.streak();
    const failing = last !== null && last.outcome !== 'ok' && last.outcome !== 'unchanged';
    const local = (iso: string) =>
      DateTime.fromISO(iso, { zone: 'utc' }).setZone(clock.zone).toISO({ suppressMilliseconds: true });
    return {
      state: failing ? (last.outcome === 'offline' ? 'offline' : 'invalid') : version ? 'ok' : 'invalid',
      source: version?.source ?? EMBEDDED_SOURCE,
      publishedAt: version?.publishedAt ?? null,
      syncedAt: version ? local(version.confirmedAt) : null,
      since: failing ? local((firstFailure ?? last).at) : null,
      message: failing ? last.message : version ? null : 'Aucun inventaire disponible.',
      applications: version?.rowCount ?? 0,
    };
  }

  /** Checks the source now. Concurrent calls (tray "sync now" during a tick) share one attempt. */
  syncNow(): Promise<SyncOutcome> {
    if (!this.inFlight) {
      this.inFlight = this.run().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async run(): Promise<SyncOutcome> {
    const { store } = this.deps;
    const before = store.inventory.currentVersion()?.id ?? null;
    const source = parseSource(this.deps.source?.() ?? null, {
      embeddedPath: this.deps.embeddedPath,
      allowLocalHttp: this.deps.allowLocalHttp,
    });
    let attempt: Attempt | null = null;
    if (before === null) {
      // Never an empty inventory: the embedded default first, then the configured source.
      attempt = await this.syncFrom(parseSource(null, { embeddedPath: this.deps.embeddedPath }));
      if (attempt.outcome !== 'ok') this.log.error('sync: embedded inventory unusable', { message: attempt.message });
    }
    if (source.label !== EMBEDDED_SOURCE || attempt === null) attempt = await this.syncFrom(source);
    this.schedule(attempt.retrySoon === true);
    return {
      outcome: attempt.outcome,
      message: attempt.message,
      changed: (store.inventory.currentVersion()?.id ?? null) !== before,
      state: this.state(),
    };
  }

  private schedule(soon: boolean): void {
    const minutes = this.deps.pollMinutes?.() ?? DEFAULT_POLL_MINUTES;
    const base = soon ? RETRY_SOON_MS : Math.max(1, minutes) * 60_000;
    const r = Math.min(Math.max(this.deps.random?.() ?? Math.random(), 0), 1);
    const jitter = soon ? 0 : base * POLL_JITTER * r;
    this.next = this.deps.clock.now().plus({ milliseconds: Math.round(base + jitter) });
  }

  private async syncFrom(source: InventorySource): Promise<Attempt> {
    const at = this.deps.clock.now();
    let attempt: Attempt;
    try {
      attempt = await this.attempt(source, at);
    } catch (error) {
      // A bug or an unexpected store failure must not lose the last good inventory either.
      this.log.error('sync: unexpected failure', { error: error instanceof Error ? error.stack : String(error) });
      attempt = { outcome: 'invalid', message: "Erreur inattendue pendant la mise à jour de l'inventaire." };
    }
    if (attempt.badMeta) this.lastBad = { label: source.label, meta: attempt.badMeta, attempt };
    else if (attempt.outcome === 'ok' || attempt.outcome === 'unchanged') this.lastBad = null;
    this.deps.store.syncLog.add({ at, source: source.label, outcome: attempt.outcome, message: attempt.message });
    const level = attempt.outcome === 'ok' || attempt.outcome === 'unchanged' ? 'info' : 'warn';
    this.log[level]('sync: attempt', { source: source.label, outcome: attempt.outcome, message: attempt.message });
    return attempt;
  }

  private async attempt(source: InventorySource, at: DateTime): Promise<Attempt> {
    if (source.kind === 'bad') return { outcome: 'invalid', message: source.message };
    const { store } = this.deps;
    const current = store.inventory.currentVersion();
    const sameSource = current !== null && current.source === source.label;
    const bad = this.lastBad?.label === source.label ? this.lastBad : null;
    // After a refused read, compare with the refused file: unchanged means "still the same bad file".
    const known = bad ? bad.meta : sameSource ? current.meta : undefined;

    const fetched = await this.fetchSource(source, known);

    if (fetched.kind === 'failed') return { ...fetched.failure };
    if (fetched.kind === 'unchanged') {
      if (bad) return { ...bad.attempt, badMeta: fetched.meta };
      store.inventory.confirmCurrent(at, fetched.meta);
      return { outcome: 'unchanged', message: null };
    }

    const sides = fetched.sides ?? [];
    const hash = contentHash(fetched.bytes, sides);
    if (sameSource && current.hash === hash) {
      store.inventory.confirmCurrent(at, keepSideTables(fetched.meta, current.meta));
      return { outcome: 'unchanged', message: null };
    }

    // Checked on the fetched bytes before anything parses them; the embedded default ships with the app.
    const keys = source.label === EMBEDDED_SOURCE ? null : (this.deps.publicKeys?.() ?? null);
    let accepted: { sequence: number; keyId: string } | null = null;
    if (keys !== null) {
      const check = await verifyFetched(fetched, source, keys, at, store.trust.lastSequence(), {
        fs: this.fs,
        fetch: this.deps.fetch ?? globalThis.fetch,
        timeoutMs: HTTP_TIMEOUT_MS,
      });
      // No badMeta: the signature may land after the file it signs, so the next poll verifies again.
      if (!check.ok) return { outcome: 'rejected', message: `${UNSIGNED_MESSAGE} (${check.reason}).` };
      accepted = check;
    }

    const result = await this.parse(source, fetched);
    if ('outcome' in result) return result;
    if (!result.ok) {
      return { outcome: 'invalid', message: invalidMessage(result, fetched.fileName), badMeta: fetched.meta };
    }
    const refused = refusal(result, fetched, sameSource ? current.rowCount : null);
    if (refused) return refused;
    for (const p of result.problems) {
      // An internal error is Vigie's bug, not the file's: logged as an error with its stack (docs/deployment.md).
      if (p.internalError) this.log.error('sync: internal error while importing', { row: p.row, ...p.internalError });
      else this.log.warn('sync: import warning', { row: p.row, message: p.message });
    }
    const merged = await applySideFiles(
      result.inventory,
      fetched.meta,
      sides,
      () => (sameSource ? { inventory: this.current(), meta: current.meta } : null),
      (bytes, fileName) =>
        this.guard.run({ kind: 'side', source: source.label, fileName, bytes }, () =>
          this.sideImporter(bytes, fileName),
        ),
      this.log,
    );
    store.transaction(() => {
      store.inventory.saveCurrent({
        source: source.label,
        hash,
        inventory: merged.inventory,
        meta: merged.meta,
        fetchedAt: at,
      });
      if (accepted) store.trust.accept(accepted.sequence, accepted.keyId, at);
    });
    return { outcome: 'ok', message: null };
  }

  /** The file (read until stable, with its side tables) or the https answer, compared with what is known. */
  private fetchSource(
    source: Exclude<InventorySource, { kind: 'bad' }>,
    known: SourceMeta | undefined,
  ): Promise<Fetched> {
    if (source.kind === 'file') {
      return fetchFile(source.path, known, {
        fs: this.fs,
        wait: this.wait,
        // The app's own default ships read-only with it: nobody is writing it, and the first start should not
        // show an empty tray for those 1.5 s.
        stableMs: source.label === EMBEDDED_SOURCE ? 0 : STABLE_MS,
        maxLooks: MAX_LOOKS,
        maxBytes: MAX_BYTES,
        // The app's own default has no side tables; an https source has no folder to look in.
        sides: source.label !== EMBEDDED_SOURCE,
      });
    }
    return fetchHttp(source.url, known, {
      fetch: this.deps.fetch ?? globalThis.fetch,
      maxBytes: MAX_BYTES,
      timeoutMs: HTTP_TIMEOUT_MS,
    });
  }

  /**
   * The import, in the parse guard (a file that crashed or stalled the parser is not parsed again); an importer
   * that throws is a refused file, except when the parser itself is missing (this installation's problem).
   */
  private async parse(
    source: InventorySource,
    fetched: Extract<Fetched, { kind: 'bytes' }>,
  ): Promise<ImportResult | Attempt> {
    try {
      const parse = () => this.importer(fetched.bytes, fetched.fileName);
      // The app's own default ships with it and is trusted: never remembered as failed (a PC switched off during
      // the first start must not be left without any inventory).
      if (source.label === EMBEDDED_SOURCE) return await parse();
      return await this.guard.run(
        {
          kind: 'inventory',
          source: source.label,
          fileName: fetched.fileName,
          bytes: fetched.bytes,
          mtimeMs: fetched.meta.mtimeMs,
        },
        parse,
      );
    } catch (error) {
      this.log.error('sync: importer threw', { error: error instanceof Error ? error.stack : String(error) });
      if (error instanceof ParserUnavailableError) {
        // This installation's problem, not the file's: nothing remembered, tried again at the next poll.
        return { outcome: 'invalid', message: `L'inventaire n'a pas pu être analysé : ${error.message}.` };
      }
      return { ok: false, format: null, problems: [] };
    }
  }
}

/**
 * Why an imported file is not taken (the last good inventory stays): it has no application, or far fewer rows
 * than the current one from the same source (`currentRows`; null for another source).
 */
function refusal(
  result: Extract<ImportResult, { ok: true }>,
  fetched: Extract<Fetched, { kind: 'bytes' }>,
  currentRows: number | null,
): Attempt | null {
  const rows = result.inventory.applications.length;
  if (rows === 0) {
    return {
      outcome: 'invalid',
      message: `Inventaire non valide (${fetched.fileName}) : aucune application.`,
      badMeta: fetched.meta,
    };
  }
  if (currentRows !== null && rows < currentRows * DROP_RATIO && currentRows - rows >= DROP_MIN_ROWS) {
    // Likely a truncated export or a wrong sheet; IT can publish it under another path if the drop is real.
    return {
      outcome: 'rejected',
      message:
        `Nouvel inventaire refusé : ${lines(rows)} au lieu de ${currentRows} (baisse suspecte). ` +
        "L'inventaire précédent reste en usage.",
      badMeta: fetched.meta,
    };
  }
  return null;
}
