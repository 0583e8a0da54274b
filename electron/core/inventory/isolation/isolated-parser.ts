/**
 * Parses untrusted inventory and side files where a failure cannot take Vigie down (docs/deployment.md, "Fichier
 * refusé"): each file goes to a fresh process (a Node child for the headless agent and the CLI, node-child.ts;
 * Electron's utilityProcess in the tray app, electron/shell/utility-parser.ts), started with a clean environment and
 * a memory cap, watched by a wall-clock watchdog that kills it, and whose answer is schema-checked. A crash, an
 * exhausted memory, a non-zero exit, a timeout or a malformed answer all mean "file refused", in French.
 */
import { randomUUID } from 'node:crypto';
import type { ImportResult } from '../../../../shared/inventory/model';
import type { Logger } from '../../store/log';
import { silentLogger } from '../../store/log';
import type { SideTableImport } from '../import';
import {
  ImportResultSchema,
  ParseReplySchema,
  SideTableImportSchema,
  type ParseKind,
  type ParseRequest,
} from './protocol';

import { crashReason, MALFORMED_REASON, REFUSED, timeoutReason } from './reasons';

/** Bytes + file name → the import result; the seam between the sync/CLI and where the parsing runs. */
export interface InventoryParser {
  inventory(bytes: Uint8Array, fileName: string): Promise<ImportResult>;
  sideTable(bytes: Uint8Array, fileName: string): Promise<SideTableImport>;
}

/** One started parsing process, whatever started it. */
export interface ParseChild {
  send(request: ParseRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process is gone: its exit code, or null and the signal when it was killed. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Fatal start failure (e.g. the entry file is missing): not the file's fault. */
  onError(listener: (error: Error) => void): void;
  kill(): void;
}

export type StartParseChild = () => ParseChild;

/** The watchdog's timer, injectable so tests decide when the time is up instead of sleeping. */
export interface WatchdogTimer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: WatchdogTimer = {
  set: (fire, ms) => {
    const handle = setTimeout(fire, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Far above the ~1 s a real inventory takes, far below "the ward is left without warnings for long". */
export const DEFAULT_PARSE_TIMEOUT_MS = 20_000;
export const DEFAULT_START_TIMEOUT_MS = 30_000;
/** The child's V8 heap cap (MB); its own RSS guard (child-runtime.ts) uses the same figure for Buffers too. */
export const DEFAULT_PARSE_MEMORY_MB = 256;

/** A child that could not even start: a problem of this installation, not of the file, so it is thrown. */
export class ParserUnavailableError extends Error {
  override readonly name = 'ParserUnavailableError';
}

export interface IsolatedParserOptions {
  start: StartParseChild;
  /** The file's budget, counted from the moment the child is ready. */
  timeoutMs?: number;
  /** The process's budget to start and say it is ready. */
  startTimeoutMs?: number;
  timer?: WatchdogTimer;
  log?: Logger;
}

const refused = (message: string): { ok: false; format: null; problems: ImportResult['problems'] } => ({
  ok: false,
  format: null,
  problems: [{ row: null, column: null, severity: 'error', message }],
});

export class IsolatedParser implements InventoryParser {
  private readonly timeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly timer: WatchdogTimer;
  private readonly log: Logger;

  constructor(private readonly options: IsolatedParserOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.timer = options.timer ?? realTimer;
    this.log = options.log ?? silentLogger;
  }

  inventory(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
    return this.parse('inventory', bytes, fileName, (r) => ImportResultSchema.safeParse(r));
  }

  sideTable(bytes: Uint8Array, fileName: string): Promise<SideTableImport> {
    return this.parse('side', bytes, fileName, (r) => SideTableImportSchema.safeParse(r));
  }

  private parse<T>(
    kind: ParseKind,
    bytes: Uint8Array,
    fileName: string,
    check: (result: unknown) => { success: true; data: T } | { success: false },
  ): Promise<T | ReturnType<typeof refused>> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      let child: ParseChild;
      let settled = false;
      let handle: unknown = null;
      /** The child said it is up: a death after this is the file's doing, before it is this installation's. */
      let ready = false;
      const finish = (outcome: { value: T | ReturnType<typeof refused> } | { error: Error }): void => {
        if (settled) return;
        settled = true;
        if (handle !== null) this.timer.clear(handle);
        // One request per process: whatever it answered, it is done (and it may still be allocating).
        try {
          child.kill();
        } catch {
          // Already gone.
        }
        if ('error' in outcome) reject(outcome.error);
        else resolve(outcome.value);
      };
      const refuse = (message: string, data: Record<string, unknown>): void => {
        if (settled) return;
        this.log.warn('analyse isolée : fichier refusé', { kind, fileName, reason: message, ...data });
        finish({ value: refused(message) });
      };
      try {
        child = this.options.start();
      } catch (error) {
        reject(new ParserUnavailableError(error instanceof Error ? error.message : String(error)));
        return;
      }
      this.log.info('analyse isolée : démarrage', { kind, fileName, bytes: bytes.byteLength });
      const unavailable = (why: string): void =>
        finish({ error: new ParserUnavailableError(`le processus d'analyse n'a pas démarré (${why})`) });
      // Starting the process is not the file's doing (a busy PC, tsx compiling): its own, longer watchdog.
      handle = this.timer.set(() => unavailable(`pas prêt en ${this.startTimeoutMs} ms`), this.startTimeoutMs);
      child.onError((error) => unavailable(error.message));
      child.onExit((code, signal) => {
        if (ready) refuse(crashReason(code, signal), { code, signal });
        else unavailable(signal ? `signal ${signal}` : `code ${String(code)}`);
      });
      child.onMessage((message) => {
        const reply = ParseReplySchema.safeParse(message);
        if (!reply.success) return refuse(MALFORMED_REASON, { problem: 'reply' });
        if ('ready' in reply.data) {
          if (ready) return;
          ready = true;
          this.timer.clear(handle);
          handle = this.timer.set(
            () => refuse(timeoutReason(this.timeoutMs), { timeoutMs: this.timeoutMs }),
            this.timeoutMs,
          );
          // Sent once the child listens: nothing depends on a runtime queueing messages posted before that.
          try {
            child.send({ id, kind, fileName, bytes });
          } catch (error) {
            unavailable(error instanceof Error ? error.message : String(error));
          }
          return;
        }
        if (reply.data.id !== id) return refuse(MALFORMED_REASON, { problem: 'id' });
        if ('error' in reply.data) {
          // The parser threw (a bug in Vigie, not necessarily a hostile file): still refused, and logged for IT.
          return refuse(`${REFUSED} : son analyse a échoué (erreur inattendue).`, { error: reply.data.error });
        }
        const checked = check(reply.data.result);
        if (!checked.success) return refuse(MALFORMED_REASON, { problem: 'schema' });
        finish({ value: checked.data });
      });
    });
  }
}
