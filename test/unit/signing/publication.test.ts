/** What a workstation accepts of a signed publication: real keys generated here, real signatures. */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, parsePublicKey, parseSecretKey } from '../../../electron/core/signing/minisign';
import {
  checkPublication,
  parseTrustedComment,
  signPublicationFile,
  type SignedFile,
} from '../../../electron/core/signing/publication';

const zone = 'America/Toronto';
const now = DateTime.fromISO('2026-12-03T10:00', { zone });

function keyPair() {
  const pair = generateKeyPair(randomBytes);
  return { secret: parseSecretKey(pair.secretKeyFile), pub: parsePublicKey(pair.publicKeyFile) };
}

const k1 = keyPair();
const k2 = keyPair();
const inventory = new TextEncoder().encode('Direction;Site;Service;Application\n');
const postes = new TextEncoder().encode('Poste;Site;Service\n');

function signed(
  fileName: string,
  bytes: Uint8Array,
  options: { key?: typeof k1; sequence?: number; expires?: DateTime; signedName?: string } = {},
): SignedFile {
  const key = options.key ?? k1;
  const fields = {
    file: options.signedName ?? fileName,
    sequence: options.sequence ?? 100,
    expires: options.expires ?? now.plus({ days: 30 }),
  };
  return { fileName, bytes, signature: signPublicationFile(bytes, key.secret, fields, now) };
}

describe('signed publication', () => {
  it('accepts files signed by a trusted key, naming themselves, not expired, same publication', () => {
    const result = checkPublication(
      [signed('inventaire.csv', inventory), signed('postes.csv', postes)],
      [k1.pub],
      now,
      null,
    );
    expect(result).toMatchObject({ ok: true, sequence: 100, keyId: k1.pub.keyId });
  });

  it('puts file name, sequence and expiry in the trusted comment, after minisign’s own fields', () => {
    const sig = signed('inventaire.csv', inventory).signature as string;
    const comment = (sig.split('\n')[2] as string).replace('trusted comment: ', '');
    expect(comment.split('\t').slice(1, 3)).toEqual(['file:inventaire.csv', 'hashed']);
    expect(parseTrustedComment(comment)).toMatchObject({ file: 'inventaire.csv', sequence: 100 });
  });

  it('says absent when a file has no signature', () => {
    const files = [signed('inventaire.csv', inventory), { fileName: 'postes.csv', bytes: postes, signature: null }];
    expect(checkPublication(files, [k1.pub], now, null)).toMatchObject({ ok: false, status: 'absent' });
  });

  it('refuses a file modified after signing', () => {
    const file = signed('inventaire.csv', inventory);
    const tampered = { ...file, bytes: new TextEncoder().encode('Direction;Site;Service;Application;X\n') };
    const result = checkPublication([tampered], [k1.pub], now, null);
    expect(result).toMatchObject({ ok: false, status: 'invalid' });
    expect(!result.ok && result.reason).toMatch(/modifié après sa signature/);
  });

  it('refuses a signature made for another file name (a signed postes.csv renamed as the inventory)', () => {
    const renamed = signed('inventaire.csv', inventory, { signedName: 'ancien.csv' });
    const result = checkPublication([renamed], [k1.pub], now, null);
    expect(!result.ok && result.reason).toMatch(/faite pour « ancien.csv »/);
  });

  it('refuses an expired publication', () => {
    const old = signed('inventaire.csv', inventory, { expires: now.minus({ minutes: 1 }) });
    const result = checkPublication([old], [k1.pub], now, null);
    expect(!result.ok && result.reason).toMatch(/expirée/);
  });

  it('refuses a replay: a sequence lower than the last accepted (equal is the same publication seen again)', () => {
    const file = signed('inventaire.csv', inventory, { sequence: 100 });
    expect(checkPublication([file], [k1.pub], now, 101)).toMatchObject({ ok: false, status: 'invalid' });
    expect(checkPublication([file], [k1.pub], now, 100)).toMatchObject({ ok: true });
  });

  it('refuses files from two publications mixed together', () => {
    const files = [signed('inventaire.csv', inventory, { sequence: 200 }), signed('postes.csv', postes)];
    const result = checkPublication(files, [k1.pub], now, null);
    expect(!result.ok && result.reason).toMatch(/autre publication/);
  });

  it('rotation: either of the trusted keys verifies; a key not listed does not', () => {
    const byK2 = signed('inventaire.csv', inventory, { key: k2 });
    expect(checkPublication([byK2], [k1.pub, k2.pub], now, null)).toMatchObject({ ok: true, keyId: k2.pub.keyId });
    const result = checkPublication([byK2], [k1.pub], now, null);
    expect(!result.ok && result.reason).toMatch(/clé non autorisée/);
  });

  it('trusts nothing with an empty key list (an invalid policy value)', () => {
    expect(checkPublication([signed('inventaire.csv', inventory)], [], now, null)).toMatchObject({ ok: false });
  });
});
