/**
 * The minisign formats against a key pair and a signature made by the real minisign tool (./vector.ts), and
 * keys generated here: what IT signs with `publish` verifies with `minisign -V`, and the reverse.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyPair,
  parsePublicKey,
  parseSecretKey,
  parseSignature,
  signBytes,
  SigningError,
  verifyBytes,
} from '../../../electron/core/signing/minisign';
import {
  MINISIGN_MESSAGE,
  MINISIGN_PUBLIC_KEY_FILE,
  MINISIGN_SECRET_KEY_FILE,
  MINISIGN_SIGNATURE_FILE,
  MINISIGN_TRUSTED_COMMENT,
} from './vector';

const message = Buffer.from(MINISIGN_MESSAGE);

describe('minisign formats (vector made by minisign itself)', () => {
  it('reads the key pair: same key id as minisign printed, the secret key gives the same public key', () => {
    const pub = parsePublicKey(MINISIGN_PUBLIC_KEY_FILE);
    const secret = parseSecretKey(MINISIGN_SECRET_KEY_FILE);
    expect(pub.keyId).toBe('FDE44BFDD77EC45A');
    expect(secret.keyId).toBe('FDE44BFDD77EC45A');
    expect(secret.publicKey.line).toBe(pub.line);
    // The bare base64 line (policy key, `minisign -P`) is accepted too.
    expect(parsePublicKey(pub.line).keyId).toBe(pub.keyId);
  });

  it("verifies minisign's own signature", () => {
    const sig = parseSignature(MINISIGN_SIGNATURE_FILE);
    expect(sig.algorithm).toBe('ED');
    expect(verifyBytes(message, sig, [parsePublicKey(MINISIGN_PUBLIC_KEY_FILE)])).toEqual({
      ok: true,
      keyId: 'FDE44BFDD77EC45A',
      trustedComment: MINISIGN_TRUSTED_COMMENT,
    });
  });

  it('signs byte for byte as minisign does (Ed25519 is deterministic: same key, file and comment)', () => {
    const secret = parseSecretKey(MINISIGN_SECRET_KEY_FILE);
    expect(signBytes(message, secret, MINISIGN_TRUSTED_COMMENT)).toBe(MINISIGN_SIGNATURE_FILE);
  });

  it('refuses a modified file, a modified trusted comment and an unknown key', () => {
    const pub = parsePublicKey(MINISIGN_PUBLIC_KEY_FILE);
    const sig = parseSignature(MINISIGN_SIGNATURE_FILE);
    expect(verifyBytes(Buffer.from('1234abd\n'), sig, [pub])).toMatchObject({ ok: false, reason: 'bad-signature' });
    const forged = parseSignature(MINISIGN_SIGNATURE_FILE.replace('file:1234abc', 'file:autre'));
    expect(verifyBytes(message, forged, [pub])).toMatchObject({ ok: false, reason: 'bad-trusted-comment' });
    const other = parsePublicKey(generateKeyPair(randomBytes).publicKeyFile);
    expect(verifyBytes(message, sig, [other])).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it('refuses an scrypt-encrypted secret key with how to remove the password', () => {
    // Same key with kdf "Sc" (what `minisign -G` writes by default).
    const lines = MINISIGN_SECRET_KEY_FILE.split('\n');
    const bytes = Buffer.from(lines[1] as string, 'base64');
    bytes.write('Sc', 2, 'latin1');
    const encrypted = `${lines[0]}\n${bytes.toString('base64')}\n`;
    expect(() => parseSecretKey(encrypted)).toThrow(SigningError);
    expect(() => parseSecretKey(encrypted)).toThrow(/minisign -C -W/);
  });

  it('refuses malformed keys and signatures with a reason', () => {
    expect(() => parsePublicKey('RWQ-pas-une-cle')).toThrow(SigningError);
    expect(() => parsePublicKey('')).toThrow(SigningError);
    expect(() => parseSignature('bonjour')).toThrow(SigningError);
    const noComment = MINISIGN_SIGNATURE_FILE.replace('trusted comment: ', 'commentaire: ');
    expect(() => parseSignature(noComment)).toThrow(/trusted comment/);
  });

  it('generates key files in minisign format (unencrypted, key id in the comment) that sign and verify', () => {
    const pair = generateKeyPair(randomBytes);
    expect(pair.publicKeyFile).toMatch(
      new RegExp(`^untrusted comment: minisign public key ${pair.keyId}\\nRW[A-Za-z0-9+/]{54}\\n$`),
    );
    const secret = parseSecretKey(pair.secretKeyFile);
    const raw = Buffer.from(pair.secretKeyFile.split('\n')[1] as string, 'base64');
    expect(raw.subarray(0, 6)).toEqual(Buffer.from([0x45, 0x64, 0, 0, 0x42, 0x32])); // "Ed", no kdf, "B2"
    const sig = parseSignature(signBytes(Buffer.from('inventaire'), secret, 'file:inventaire.csv'));
    expect(verifyBytes(Buffer.from('inventaire'), sig, [parsePublicKey(pair.publicKeyFile)]).ok).toBe(true);
  });
});
