/**
 * Entry point of the inventory importer: bytes of a file → validated Inventory, or a clear failure.
 * Format is chosen by content first (XLSX zip magic, JSON), then by extension; never throws.
 * IMPLEMENTATION: see the readers in this folder (owned by the import work).
 */
import type { ImportResult } from '../../../shared/inventory/model';

export declare function importInventory(bytes: Uint8Array, fileName: string): Promise<ImportResult>;
