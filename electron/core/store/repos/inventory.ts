/**
 * Inventory versions: the last good one (is_current) plus a few previous ones, with where and when they came from.
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { Inventory } from '../../../../shared/inventory/model';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';
import { shareSchedules } from '../../../../shared/inventory/share';

/** What the sync remembers about the source to avoid re-reading it (file stat or HTTP validators). */
export interface SourceMeta {
  size?: number;
  mtimeMs?: number;
  /** For a folder source: the file that was imported. */
  file?: string;
  etag?: string;
  lastModified?: string;
  /**
   * Side tables published as separate files next to the inventory (services.csv, postes.xlsx…), by table kind
   * ("services", "contacts", "hosts"): a change to one of them alone must trigger a re-import
   * (electron/core/sync/side-files.ts). Absent = none (also what versions saved before this field say).
   */
  sides?: Record<
    string,
    {
      file: string;
      size: number;
      mtimeMs: number;
      /**
       * Where the saved inventory's table of this kind came from: this file; a previous good read of it (this
       * content was unusable); or the workbook (unusable, and no previous good read to keep).
       */
      table?: 'file' | 'kept' | 'workbook';
    }
  >;
}

export interface InventoryVersion {
  id: number;
  fetchedAt: string;
  source: string;
  hash: string;
  publishedAt: string | null;
  rowCount: number;
  meta: SourceMeta;
  confirmedAt: string;
  isCurrent: boolean;
}

export interface StoredInventory extends InventoryVersion {
  inventory: Inventory;
}

export interface NewInventoryVersion {
  source: string;
  hash: string;
  inventory: Inventory;
  meta: SourceMeta;
  fetchedAt: DateTime;
}

interface Row {
  id: number;
  fetched_at: string;
  source: string;
  hash: string;
  published_at: string | null;
  row_count: number;
  source_meta: string;
  confirmed_at: string;
  is_current: number;
}

const COLUMNS = 'id, fetched_at, source, hash, published_at, row_count, source_meta, confirmed_at, is_current';
/** Versions kept besides the current one: enough to investigate a bad publication, small enough to forget. */
const KEEP_PREVIOUS = 4;

function toVersion(row: Row): InventoryVersion {
  return {
    id: row.id,
    fetchedAt: row.fetched_at,
    source: row.source,
    hash: row.hash,
    publishedAt: row.published_at,
    rowCount: row.row_count,
    meta: JSON.parse(row.source_meta) as SourceMeta,
    confirmedAt: row.confirmed_at,
    isCurrent: row.is_current === 1,
  };
}

export class InventoryRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  /** The version in use, without its (large) JSON. */
  currentVersion(): InventoryVersion | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM inventory_versions WHERE is_current = 1`).get() as
      Row | undefined;
    return row ? toVersion(row) : null;
  }

  current(): StoredInventory | null {
    const row = this.db.prepare(`SELECT ${COLUMNS}, json FROM inventory_versions WHERE is_current = 1`).get() as
      (Row & { json: string }) | undefined;
    return row ? { ...toVersion(row), inventory: shareSchedules(JSON.parse(row.json) as Inventory) } : null;
  }

  /** Newest first. */
  list(): InventoryVersion[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM inventory_versions ORDER BY id DESC`).all() as Row[];
    return rows.map(toVersion);
  }

  /** Inserts the version and makes it current in one transaction, then forgets old ones. */
  saveCurrent(version: NewInventoryVersion): InventoryVersion {
    const at = toStoreTime(version.fetchedAt);
    const id = this.writer.run('inventory.saveCurrent', () =>
      this.db.transaction(() => {
        this.db.prepare('UPDATE inventory_versions SET is_current = 0 WHERE is_current = 1').run();
        const info = this.db
          .prepare(
            `INSERT INTO inventory_versions
               (fetched_at, source, hash, published_at, row_count, json, is_current, source_meta, confirmed_at)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(
            at,
            version.source,
            version.hash,
            version.inventory.publishedAt,
            version.inventory.applications.length,
            JSON.stringify(version.inventory),
            JSON.stringify(version.meta),
            at,
          );
        this.db
          .prepare(
            `DELETE FROM inventory_versions WHERE is_current = 0 AND id NOT IN
               (SELECT id FROM inventory_versions WHERE is_current = 0 ORDER BY id DESC LIMIT ?)`,
          )
          .run(KEEP_PREVIOUS);
        return Number(info.lastInsertRowid);
      })(),
    );
    const saved = this.db.prepare(`SELECT ${COLUMNS} FROM inventory_versions WHERE id = ?`).get(id) as Row;
    return toVersion(saved);
  }

  /** The source still holds the current version: remember when, and its latest stat/validators. */
  confirmCurrent(at: DateTime, meta?: SourceMeta): void {
    this.writer.run('inventory.confirmCurrent', () => {
      if (meta) {
        this.db
          .prepare('UPDATE inventory_versions SET confirmed_at = ?, source_meta = ? WHERE is_current = 1')
          .run(toStoreTime(at), JSON.stringify(meta));
      } else {
        this.db.prepare('UPDATE inventory_versions SET confirmed_at = ? WHERE is_current = 1').run(toStoreTime(at));
      }
    });
  }
}
