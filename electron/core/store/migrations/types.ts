import type Database from 'better-sqlite3';

/** One schema step. Append-only: a released migration is never edited, a new number is added instead. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
