/** All migrations, in order. Append new ones at the end with the next number; never edit a released one. */
import { m001Initial } from './001_initial';
import { m002OutboxSetAside } from './002_outbox_set_aside';
import { m003PublicationTrust } from './003_publication_trust';
import { m004ParseAttempts } from './004_parse_attempts';
import { m005NoticeRuns } from './005_notice_runs';
import { m006VerifiedElsewhere } from './006_verified_elsewhere';
import { m007Acknowledgements } from './007_acknowledgements';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002OutboxSetAside,
  m003PublicationTrust,
  m004ParseAttempts,
  m005NoticeRuns,
  m006VerifiedElsewhere,
  m007Acknowledgements,
];
