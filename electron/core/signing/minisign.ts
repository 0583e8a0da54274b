/**
 * The minisign formats (https://jedisct1.github.io/minisign/), so IT can sign and verify Vigie's publications with
 * the standard tool as well as with `publish` (docs/deployment.md, "Publication signée"). Ed25519 and BLAKE2b-512
 * come from node:crypto.
 *
 * - public key: "untrusted comment: …" then base64("Ed" ‖ key id (8) ‖ public key (32));
 * - secret key: base64("Ed" ‖ kdf ‖ "B2" ‖ salt (32) ‖ opslimit (8) ‖ memlimit (8) ‖ key id (8) ‖ seed+pk (64) ‖
 *   checksum (32)). Only unencrypted keys (kdf = 0,0: what `minisign -G -W` writes, and `minisign -C -W` turns an
 *   encrypted key into) are read: an scrypt-encrypted key would need its password and ~1 GiB for scrypt;
 * - signature: "untrusted comment", base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file))), "trusted comment: …",
 *   base64(Ed25519(signature ‖ trusted comment)). The legacy "Ed" form (signature over the raw file) is verified too.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export class SigningError extends Error {
  override readonly name = 'SigningError';
}

export interface MinisignPublicKey {
  /** As minisign prints it: the 8 bytes read little-endian, in upper-case hex. */
  keyId: string;
  keyIdBytes: Buffer;
  key: KeyObject;
  /** The base64 line ("RW…"), what the policy key `inventoryPublicKeys` holds. */
  line: string;
}

export interface MinisignSecretKey {
  keyId: string;
  keyIdBytes: Buffer;
  key: KeyObject;
  publicKey: MinisignPublicKey;
}

export interface MinisignSignature {
  algorithm: 'ED' | 'Ed';
  keyId: string;
  keyIdBytes: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

const COMMENT = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';
/** minisign's own limits (minisign.h): a signature file is a few hundred bytes; anything much bigger is not one. */
export const MAX_SIGNATURE_FILE_BYTES = 10_000;
const TRUSTED_COMMENT_MAX = 8192 - TRUSTED.length - 1;

function keyIdHex(bytes: Buffer): string {
  return Buffer.from(bytes).reverse().toString('hex').toUpperCase();
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function strictBase64(text: string, length: number, what: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new SigningError(`${what} : base64 invalide`);
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== length) throw new SigningError(`${what} : ${bytes.length} octets au lieu de ${length}`);
  return bytes;
}

function ed25519Public(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(raw) }, format: 'jwk' });
}

/** Lines without their end-of-line, CRLF tolerated (a key or signature edited with Notepad). */
function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** A public key file's text, or just its base64 line (as in the policy key or `minisign -P`). */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = linesOf(text.trim()).map((l) => l.trim());
  const line = lines[0]?.startsWith(COMMENT) ? lines[1] : lines[0];
  if (!line) throw new SigningError('clé publique minisign vide');
  const bytes = strictBase64(line, 42, 'clé publique minisign');
  if (bytes.subarray(0, 2).toString('latin1') !== 'Ed') {
    throw new SigningError('clé publique minisign : algorithme non pris en charge');
  }
  const keyIdBytes = Buffer.from(bytes.subarray(2, 10));
  return { keyId: keyIdHex(keyIdBytes), keyIdBytes, key: ed25519Public(bytes.subarray(10)), line: line.trim() };
}

export function parseSecretKey(text: string): MinisignSecretKey {
  const lines = linesOf(text.trim());
  if (!lines[0]?.startsWith(COMMENT) || !lines[1]) {
    throw new SigningError('clé privée minisign attendue (« untrusted comment: » puis une ligne base64)');
  }
  const bytes = strictBase64(lines[1], 158, 'clé privée minisign');
  if (bytes.subarray(0, 2).toString('latin1') !== 'Ed' || bytes.subarray(4, 6).toString('latin1') !== 'B2') {
    throw new SigningError('clé privée minisign : algorithme non pris en charge');
  }
  const kdf = bytes.subarray(2, 4);
  if (kdf.toString('latin1') === 'Sc') {
    throw new SigningError(
      'clé privée minisign chiffrée par mot de passe : non prise en charge. Retirez le chiffrement avec ' +
        '`minisign -C -W -s <clé>` (et gardez le fichier sur un support protégé) / password-protected key: not supported',
    );
  }
  if (kdf[0] !== 0 || kdf[1] !== 0) throw new SigningError('clé privée minisign : dérivation de clé inconnue');
  const keyIdBytes = Buffer.from(bytes.subarray(54, 62));
  const sk = bytes.subarray(62, 126);
  const seed = sk.subarray(0, 32);
  const pk = Buffer.from(sk.subarray(32, 64));
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64url(seed), x: b64url(pk) }, format: 'jwk' });
  // The seed must give the public half stored beside it, or every signature would fail to verify.
  const derived = Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x as string, 'base64url');
  if (!derived.equals(pk)) throw new SigningError('clé privée minisign incohérente (clé publique ne correspond pas)');
  const line = Buffer.concat([Buffer.from('Ed', 'latin1'), keyIdBytes, pk]).toString('base64');
  return {
    keyId: keyIdHex(keyIdBytes),
    keyIdBytes,
    key,
    publicKey: { keyId: keyIdHex(keyIdBytes), keyIdBytes, key: ed25519Public(pk), line },
  };
}

/** A new key pair in minisign's file formats; the secret key is unencrypted (as `minisign -G -W`). */
export function generateKeyPair(random: (n: number) => Buffer): {
  keyId: string;
  publicKeyFile: string;
  secretKeyFile: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d as string, 'base64url');
  const pk = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const keyIdBytes = random(8);
  const keyId = keyIdHex(keyIdBytes);
  const secret = Buffer.concat([
    Buffer.from('Ed', 'latin1'),
    Buffer.from([0, 0]),
    Buffer.from('B2', 'latin1'),
    Buffer.alloc(32 + 8 + 8),
    keyIdBytes,
    seed,
    pk,
    // minisign computes the checksum only for an encrypted key (to detect a wrong password); zero otherwise.
    Buffer.alloc(32),
  ]);
  const pub = Buffer.concat([Buffer.from('Ed', 'latin1'), keyIdBytes, pk]);
  return {
    keyId,
    publicKeyFile: `${COMMENT}minisign public key ${keyId}\n${pub.toString('base64')}\n`,
    secretKeyFile: `${COMMENT}minisign secret key (non chiffrée / unencrypted)\n${secret.toString('base64')}\n`,
  };
}

/** Printable text on one line, as minisign requires of a trusted comment (tabs allowed). */
function checkComment(text: string, what: string, max: number): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(text)) {
    throw new SigningError(`${what} : caractères de contrôle interdits`);
  }
  if (Buffer.byteLength(text) > max) throw new SigningError(`${what} : trop long`);
}

/** The .minisig text for `bytes` (prehashed "ED" form, minisign's default since 0.11). */
export function signBytes(
  bytes: Uint8Array,
  secret: MinisignSecretKey,
  trustedComment: string,
  untrustedComment = 'signature from minisign secret key',
): string {
  checkComment(trustedComment, 'commentaire de confiance', TRUSTED_COMMENT_MAX);
  checkComment(untrustedComment, 'commentaire', 1024 - COMMENT.length - 1);
  const digest = createHash('blake2b512').update(bytes).digest();
  const signature = sign(null, digest, secret.key);
  const global = sign(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), secret.key);
  const sigStruct = Buffer.concat([Buffer.from('ED', 'latin1'), secret.keyIdBytes, signature]);
  return (
    `${COMMENT}${untrustedComment}\n${sigStruct.toString('base64')}\n` +
    `${TRUSTED}${trustedComment}\n${global.toString('base64')}\n`
  );
}

export function parseSignature(text: string): MinisignSignature {
  if (text.length > MAX_SIGNATURE_FILE_BYTES) throw new SigningError('fichier de signature trop grand');
  const lines = linesOf(text);
  if (!lines[0]?.startsWith(COMMENT)) throw new SigningError('signature : « untrusted comment: » attendu');
  const sigStruct = strictBase64(lines[1] ?? '', 74, 'signature');
  const algorithm = sigStruct.subarray(0, 2).toString('latin1');
  if (algorithm !== 'ED' && algorithm !== 'Ed') throw new SigningError('signature : algorithme non pris en charge');
  if (!lines[2]?.startsWith(TRUSTED)) throw new SigningError('signature : « trusted comment: » attendu');
  const trustedComment = lines[2].slice(TRUSTED.length).trim();
  checkComment(trustedComment, 'commentaire de confiance', TRUSTED_COMMENT_MAX);
  const globalSignature = strictBase64(lines[3] ?? '', 64, 'signature globale');
  const keyIdBytes = Buffer.from(sigStruct.subarray(2, 10));
  return {
    algorithm,
    keyId: keyIdHex(keyIdBytes),
    keyIdBytes,
    signature: Buffer.from(sigStruct.subarray(10)),
    trustedComment,
    globalSignature,
  };
}

export type VerifyOutcome =
  | { ok: true; keyId: string; trustedComment: string }
  | { ok: false; reason: 'unknown-key' | 'bad-signature' | 'bad-trusted-comment'; keyId: string };

/** Checks `bytes` against a parsed signature with whichever of `keys` has its key id (rotation: several keys). */
export function verifyBytes(
  bytes: Uint8Array,
  sig: MinisignSignature,
  keys: readonly MinisignPublicKey[],
): VerifyOutcome {
  const key = keys.find((k) => k.keyIdBytes.equals(sig.keyIdBytes));
  if (!key) return { ok: false, reason: 'unknown-key', keyId: sig.keyId };
  const message = sig.algorithm === 'ED' ? createHash('blake2b512').update(bytes).digest() : bytes;
  if (!verify(null, message, key.key, sig.signature)) return { ok: false, reason: 'bad-signature', keyId: sig.keyId };
  const signedComment = Buffer.concat([sig.signature, Buffer.from(sig.trustedComment, 'utf8')]);
  if (!verify(null, signedComment, key.key, sig.globalSignature)) {
    return { ok: false, reason: 'bad-trusted-comment', keyId: sig.keyId };
  }
  return { ok: true, keyId: key.keyId, trustedComment: sig.trustedComment };
}
