/** All migrations, in order. Append new ones at the end with the next number; never edit a released one. */
import { m001Initial } from './001_initial';
import { m002OutboxSetAside } from './002_outbox_set_aside';
import { m003PublicationTrust } from './003_publication_trust';
import { m004ParseAttempts } from './004_parse_attempts';
import { m005Acknowledgements } from './005_acknowledgements';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002OutboxSetAside,
  m003PublicationTrust,
  m004ParseAttempts,
  m005Acknowledgements,
];
