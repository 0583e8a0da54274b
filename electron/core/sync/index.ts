export {
  SyncService,
  DEFAULT_POLL_MINUTES,
  POLL_JITTER,
  RETRY_SOON_MS,
  type SyncOutcome,
  type SyncOutcomeKind,
  type SyncServiceDeps,
} from './service';
export { parseSource, isLockFile, EMBEDDED_SOURCE, type InventorySource } from './source';
export type { SyncFs, FileStat } from './fetch-file';
export { describeInventoryState, frenchTime } from './messages';
