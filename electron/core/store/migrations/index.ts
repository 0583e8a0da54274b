/** All migrations, in order. Append new ones at the end with the next number; never edit a released one. */
import { m001Initial } from './001_initial';
import { m002ParseAttempts } from './002_parse_attempts';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002ParseAttempts];
