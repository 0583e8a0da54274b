/**
 * No crash loop (docs/deployment.md, "Fichier refusé"): before an untrusted file version is parsed, the attempt is
 * committed to the store; a version that failed — or whose parse was still running when the process died — is
 * answered from the store and not parsed again until its content changes. The last good inventory stays in force
 * (the sync only replaces it after a good parse).
 */
import { createHash } from 'node:crypto';
import type { ImportProblem } from '../../../shared/inventory/model';
import type { Clock } from '../clock';
import { INTERRUPTED_REASON, type Logger, type ParseAttemptKind, type Store } from '../store';

export interface GuardedFile {
  kind: ParseAttemptKind;
  source: string;
  fileName: string;
  bytes: Uint8Array;
  mtimeMs?: number;
}

interface Parsed {
  ok: boolean;
  problems: ImportProblem[];
}

const refusal = (message: string) => ({
  ok: false as const,
  format: null,
  problems: [{ row: null, column: null, severity: 'error' as const, message }],
});

export type Refusal = ReturnType<typeof refusal>;

function reasonOf(result: Parsed): string {
  const first = result.problems.find((p) => p.severity === 'error') ?? result.problems[0];
  return first?.message ?? 'Format non reconnu.';
}

export class ParseGuard {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    let interrupted = 0;
    try {
      interrupted = store.parseAttempts.failInterrupted(clock.now());
    } catch (error) {
      // Still counted as failed when read (find() treats "in progress" as failed): the start must not fail here.
      log.error('sync : tentatives interrompues non marquées', { error: String(error) });
    }
    if (interrupted > 0) {
      log.warn("sync : une analyse de fichier était en cours à l'arrêt précédent : version refusée", { interrupted });
    }
  }

  /** `parse` runs unless this exact version already failed; a throw (parser unavailable) is not remembered. */
  async run<T extends Parsed>(file: GuardedFile, parse: () => Promise<T>): Promise<T | Refusal> {
    const { parseAttempts } = this.store;
    const hash = createHash('sha256').update(file.bytes).digest('hex');
    const known = parseAttempts.find(file.kind, hash);
    if (known) {
      this.log.info('sync : version déjà refusée, pas analysée de nouveau', {
        file: file.fileName,
        since: known.finishedAt ?? known.startedAt,
      });
      // Still "in progress" here: the process that started it died before it could mark it (see constructor).
      return refusal(known.reason ?? INTERRUPTED_REASON);
    }
    parseAttempts.begin({
      kind: file.kind,
      hash,
      source: file.source,
      fileName: file.fileName,
      size: file.bytes.byteLength,
      mtimeMs: file.mtimeMs ?? null,
      at: this.clock.now(),
    });
    let result: T;
    try {
      result = await parse();
    } catch (error) {
      parseAttempts.forget(file.kind, hash);
      throw error;
    }
    if (result.ok) parseAttempts.forget(file.kind, hash);
    else parseAttempts.fail(file.kind, hash, reasonOf(result), this.clock.now());
    return result;
  }
}
