/**
 * What a signed publication promises (docs/deployment.md, "Publication signée"): each file (the inventory and its
 * side files) has a detached minisign signature whose trusted comment names the file, carries the publication's
 * sequence number (it only grows) and an expiry. A workstation applies a publication only when every file verifies
 * with one of IT's public keys, names itself, has not expired, belongs to the same publication and is not older
 * than the last one it accepted (no replay of an older signed inventory).
 */
import { DateTime } from 'luxon';
import {
  parseSignature,
  SigningError,
  verifyBytes,
  type MinisignPublicKey,
  type MinisignSecretKey,
  signBytes,
} from './minisign';

export const SIGNATURE_SUFFIX = '.minisig';

export interface PublicationFields {
  file: string;
  sequence: number;
  expires: DateTime;
}

/** minisign's default fields first (timestamp, file, hashed), so `minisign -V` shows a familiar line. */
export function formatTrustedComment(fields: PublicationFields, signedAt: DateTime): string {
  if (/[\t\r\n]/.test(fields.file)) throw new SigningError(`nom de fichier non signable : ${fields.file}`);
  return [
    `timestamp:${Math.floor(signedAt.toSeconds())}`,
    `file:${fields.file}`,
    'hashed',
    `sequence:${fields.sequence}`,
    `expires:${fields.expires.toUTC().startOf('second').toISO({ suppressMilliseconds: true })}`,
  ].join('\t');
}

/** The Vigie fields of a trusted comment; null when one is missing or malformed (not a Vigie publication). */
export function parseTrustedComment(text: string): PublicationFields | null {
  const fields = new Map<string, string>();
  for (const part of text.split('\t')) {
    const colon = part.indexOf(':');
    if (colon > 0) fields.set(part.slice(0, colon), part.slice(colon + 1));
  }
  const file = fields.get('file');
  const sequenceText = fields.get('sequence') ?? '';
  const expires = DateTime.fromISO(fields.get('expires') ?? '', { zone: 'utc' });
  if (!file || !/^\d{1,15}$/.test(sequenceText) || !expires.isValid) return null;
  return { file, sequence: Number(sequenceText), expires };
}

export function signPublicationFile(
  bytes: Uint8Array,
  secret: MinisignSecretKey,
  fields: PublicationFields,
  signedAt: DateTime,
): string {
  return signBytes(bytes, secret, formatTrustedComment(fields, signedAt), `signature Vigie, clé ${secret.keyId}`);
}

export interface SignedFile {
  fileName: string;
  bytes: Uint8Array;
  /** The .minisig text, null when there is none. */
  signature: string | null;
}

export type PublicationCheck =
  | { ok: true; sequence: number; keyId: string; expires: DateTime }
  | { ok: false; status: 'absent' | 'invalid'; reason: string };

function sameName(a: string, b: string): boolean {
  // Windows shares ignore case: "Inventaire.xlsx" and "inventaire.xlsx" are the same file.
  return a.toLowerCase() === b.toLowerCase();
}

function checkOne(
  file: SignedFile,
  keys: readonly MinisignPublicKey[],
  now: DateTime,
):
  { ok: true; fields: PublicationFields; keyId: string } | { ok: false; status: 'absent' | 'invalid'; reason: string } {
  if (file.signature === null) {
    return { ok: false, status: 'absent', reason: `signature absente (${file.fileName}${SIGNATURE_SUFFIX})` };
  }
  let sig;
  try {
    sig = parseSignature(file.signature);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      status: 'invalid',
      reason: `signature illisible (${file.fileName}${SIGNATURE_SUFFIX}) : ${why}`,
    };
  }
  const verified = verifyBytes(file.bytes, sig, keys);
  if (!verified.ok) {
    const reason =
      verified.reason === 'unknown-key'
        ? `${file.fileName} signé par une clé non autorisée (${verified.keyId})`
        : verified.reason === 'bad-signature'
          ? `${file.fileName} modifié après sa signature`
          : `commentaire de confiance de ${file.fileName}${SIGNATURE_SUFFIX} modifié`;
    return { ok: false, status: 'invalid', reason };
  }
  const fields = parseTrustedComment(verified.trustedComment);
  if (!fields) {
    return {
      ok: false,
      status: 'invalid',
      reason: `signature de ${file.fileName} sans nom de fichier, séquence ni expiration (pas faite par publish)`,
    };
  }
  if (!sameName(fields.file, file.fileName)) {
    return {
      ok: false,
      status: 'invalid',
      reason: `signature faite pour « ${fields.file} », pas « ${file.fileName} »`,
    };
  }
  if (now >= fields.expires) {
    const when = fields.expires.setZone(now.zone).toFormat('yyyy-MM-dd HH:mm');
    return { ok: false, status: 'invalid', reason: `signature de ${file.fileName} expirée depuis le ${when}` };
  }
  return { ok: true, fields, keyId: verified.keyId };
}

/**
 * Checks every file of one publication (the inventory first). `lastSequence`: the highest sequence this
 * workstation accepted (null: none yet). Never throws.
 */
export function checkPublication(
  files: readonly SignedFile[],
  keys: readonly MinisignPublicKey[],
  now: DateTime,
  lastSequence: number | null,
): PublicationCheck {
  if (keys.length === 0) {
    return { ok: false, status: 'invalid', reason: 'aucune clé publique valide dans la configuration TI' };
  }
  let first: { fields: PublicationFields; keyId: string } | null = null;
  for (const file of files) {
    const one = checkOne(file, keys, now);
    if (!one.ok) return one;
    if (first && one.fields.sequence !== first.fields.sequence) {
      return {
        ok: false,
        status: 'invalid',
        reason: `${file.fileName} vient d'une autre publication (séquence ${one.fields.sequence} au lieu de ${first.fields.sequence})`,
      };
    }
    first ??= one;
  }
  if (!first) return { ok: false, status: 'absent', reason: 'aucun fichier' };
  if (lastSequence !== null && first.fields.sequence < lastSequence) {
    return {
      ok: false,
      status: 'invalid',
      reason: `publication n° ${first.fields.sequence} plus ancienne que la dernière acceptée (n° ${lastSequence})`,
    };
  }
  return { ok: true, sequence: first.fields.sequence, keyId: first.keyId, expires: first.fields.expires };
}
