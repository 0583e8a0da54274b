export * from './model';
export { normalizeHeader, parseYesNo, parseCalendarDate, parseUpdateLine } from './text';
export {
  APPLICATION_TABLE,
  SERVICES_TABLE,
  CONTACTS_TABLE,
  HOSTS_TABLE,
  SIDE_TABLES,
  type TableSpec,
  type TableKind,
  type ColumnSpec,
  type ApplicationColumn,
} from './columns';
export { findHeader, matchHeaderCells, expectedHeader, HEADER_SCAN_ROWS, type HeaderMatch } from './header';
export { inventoryFromSheets } from './from-sheets';
export {
  sideTableFromSheet,
  readSideTable,
  detectSideTable,
  sideTableKindOfSheetName,
  mergeSideTable,
  DEFAULT_SHIFT_START,
  type SideTable,
  type SideTableKind,
} from './side-tables';
export { exchangesData, commentMentionsExchange } from './exchanges';
export {
  inventoryFromJson,
  inventoryToJson,
  InventoryJsonSchema,
  ApplicationJsonSchema,
  ServiceJsonSchema,
  ContactJsonSchema,
  HostJsonSchema,
  INVENTORY_JSON_FORMAT,
  INVENTORY_JSON_VERSION,
  type InventoryJson,
} from './json';
export { inventoryStats, type InventoryStats } from './stats';
export { shareSchedules } from './share';
