/**
 * Walking the data rows under a found header: blank rows are skipped, cells are read by column key.
 * "Blank" means blank in every recognised column: text in an unknown extra column alone is not a row.
 */
import type { HeaderMatch } from './header';

export interface GridRow<K extends string> {
  /** 1-based source row, as Excel numbers it. */
  row: number;
  /** The cell of a column, trimmed; "" when the column is absent or the cell empty. */
  get(key: K): string;
  has(key: K): boolean;
}

export function dataRows<K extends string>(rows: readonly (readonly string[])[], header: HeaderMatch<K>): GridRow<K>[] {
  return [...eachDataRow(rows, header)];
}

/**
 * dataRows one at a time: a 20,000-row list read this way never holds 20,000 GridRows (with their closures) at
 * once — each is garbage as soon as the application it describes is built (bench: peak RSS of an import).
 */
export function* eachDataRow<K extends string>(
  rows: readonly (readonly string[])[],
  header: HeaderMatch<K>,
): Generator<GridRow<K>, void, undefined> {
  const known = Object.values<number | undefined>(header.columns).filter((c): c is number => c !== undefined);
  for (let index = header.index + 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    if (known.every((column) => (cells[column] ?? '').trim() === '')) continue;
    yield {
      row: index + 1,
      get: (key) => {
        const column = header.columns[key];
        return column === undefined ? '' : (cells[column] ?? '').trim();
      },
      has: (key) => header.columns[key] !== undefined,
    };
  }
}
