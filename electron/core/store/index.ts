export { openStore, STORE_FILE, type OpenStoreOptions } from './open';
export { Store, type StoreRecovery } from './store';
export { StoreLocationError, isNetworkPath, assertLocalDirectory } from './paths';
export { migrate, NewerSchemaError, schemaVersion, assertWellFormed } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { WriteRetry, isTransientSqliteError, type WriteRetryOptions } from './retry';
export { silentLogger, type Logger } from './log';
export { toStoreTime } from './time';
export type { InventoryVersion, StoredInventory, NewInventoryVersion, SourceMeta } from './repos/inventory';
export type { SyncLogEntry, SyncLogOutcome, SyncStreak } from './repos/sync-log';
export type { AnnouncedEntry } from './repos/announced';
export type { Acknowledgement, AcknowledgementKey } from './repos/acknowledgements';
export type {
  ChecklistRun,
  ChecklistItem,
  ChecklistRunWithItems,
  NewChecklistRun,
  RunStatus,
  RestartOutcome,
} from './repos/checklists';
export { defaultBackoff, type OutboxEntry } from './repos/outbox';
export { InventoryRepository } from './repos/inventory';
export { SyncLogRepository } from './repos/sync-log';
export { SettingsRepository } from './repos/settings';
export { AnnouncedRepository } from './repos/announced';
export { ChecklistRepository } from './repos/checklists';
export { OutboxRepository } from './repos/outbox';
export { ParseAttemptRepository, INTERRUPTED_REASON } from './repos/parse-attempts';
export type { ParseAttempt, ParseAttemptKind } from './repos/parse-attempts';
