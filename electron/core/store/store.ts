/** The opened local store: one connection (one writer: WAL, docs/architecture.md, rule 12), and the repositories built
 * on it. */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { AcknowledgementRepository } from './repos/acknowledgements';
import { AnnouncedRepository } from './repos/announced';
import { ChecklistRepository } from './repos/checklists';
import { InventoryRepository } from './repos/inventory';
import { OutboxRepository } from './repos/outbox';
import { ParseAttemptRepository } from './repos/parse-attempts';
import { SettingsRepository } from './repos/settings';
import { SyncLogRepository } from './repos/sync-log';
import { TrustRepository } from './repos/trust';
import type { WriteRetry } from './retry';
import type { SalvageResult } from './salvage';

/** Set when the database file was unusable at startup and replaced by an empty one. */
export interface StoreRecovery {
  /** Where the old file went (vigie.corrupt-…sqlite), or null when it could not be moved. */
  movedTo: string | null;
  /** Why, in French (for the log and for IT; the agent words the user message). */
  reason: string;
  /** What could be copied from the damaged file before it was replaced; null when it could not be moved. */
  salvaged: SalvageResult | null;
}

export class Store {
  readonly inventory: InventoryRepository;
  readonly syncLog: SyncLogRepository;
  readonly settings: SettingsRepository;
  readonly announced: AnnouncedRepository;
  readonly checklists: ChecklistRepository;
  readonly outbox: OutboxRepository;
  readonly trust: TrustRepository;
  readonly parseAttempts: ParseAttemptRepository;
  readonly acknowledgements: AcknowledgementRepository;

  constructor(
    readonly db: Database.Database,
    /** The database file, or ':memory:' when even a fresh file could not be created. */
    readonly file: string,
    readonly recovered: StoreRecovery | null,
    private readonly writer: WriteRetry,
    clock: Clock,
  ) {
    this.inventory = new InventoryRepository(db, writer);
    this.syncLog = new SyncLogRepository(db, writer);
    this.settings = new SettingsRepository(db, writer, clock);
    this.announced = new AnnouncedRepository(db, writer);
    this.checklists = new ChecklistRepository(db, writer, clock);
    this.outbox = new OutboxRepository(db, writer, clock);
    this.trust = new TrustRepository(db, writer);
    this.parseAttempts = new ParseAttemptRepository(db, writer);
    this.acknowledgements = new AcknowledgementRepository(db, writer);
  }

  /** Runs `fn` in one transaction, retried as a whole on a transient write failure. */
  transaction<T>(fn: () => T): T {
    return this.writer.run('store.transaction', () => this.db.transaction(fn)());
  }

  get inMemory(): boolean {
    return this.file === ':memory:';
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
