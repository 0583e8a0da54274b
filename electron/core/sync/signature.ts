/**
 * Signed publications on the workstation (docs/deployment.md, "Publication signée"): when IT's policy lists public
 * keys (`inventoryPublicKeys`), the fetched bytes of the inventory and of each side file must carry a valid
 * `.minisig` from `publish` before anything is imported. Called by SyncService between fetch and import; the
 * check itself is electron/core/signing/publication.ts.
 */
import type { DateTime } from 'luxon';
import { MAX_SIGNATURE_FILE_BYTES, parsePublicKey, type MinisignPublicKey } from '../signing/minisign';
import { checkPublication, SIGNATURE_SUFFIX, type PublicationCheck, type SignedFile } from '../signing/publication';
import { codeOf } from './errors';
import type { Fetched, SyncFs } from './fetch-file';
import type { InventorySource } from './source';

/** The words the tray and the status window show for any refused publication (issue 11). */
export const UNSIGNED_MESSAGE = 'Inventaire non signé ou modifié : ignoré';

export interface SignatureIo {
  fs: SyncFs;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

/** The policy's key lines → keys; a line that is not a key is dropped (no key left = everything is refused). */
export function publicKeysOf(lines: readonly string[]): MinisignPublicKey[] {
  const keys: MinisignPublicKey[] = [];
  for (const line of lines) {
    try {
      keys.push(parsePublicKey(line));
    } catch {
      // Reported by the policy check; here it simply trusts nothing.
    }
  }
  return keys;
}

async function readLocalSignature(file: string, fs: SyncFs): Promise<string | null> {
  const sigPath = file + SIGNATURE_SUFFIX;
  try {
    const stat = await fs.stat(sigPath);
    // Far bigger than any signature: not read, and refused as unreadable (an empty text does not parse).
    if (stat.size > MAX_SIGNATURE_FILE_BYTES) return '';
    return new TextDecoder().decode(await fs.readFile(sigPath));
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/** `<url>.minisig` next to an https inventory; null when the server has none (404). */
export async function readRemoteSignature(
  url: URL,
  io: Pick<SignatureIo, 'fetch' | 'timeoutMs'>,
): Promise<string | null> {
  const sigUrl = new URL(url.toString());
  sigUrl.pathname += SIGNATURE_SUFFIX;
  const response = await io.fetch(sigUrl, { redirect: 'follow', signal: AbortSignal.timeout(io.timeoutMs) });
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`signature : le serveur a répondu ${response.status}`);
  }
  if (Number(response.headers.get('content-length') ?? '0') > MAX_SIGNATURE_FILE_BYTES) {
    await response.body?.cancel();
    return '';
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength > MAX_SIGNATURE_FILE_BYTES ? '' : new TextDecoder().decode(bytes);
}

/** The fetched files with their signatures: the inventory first, then each side file read with it. */
export async function signedFilesOf(
  fetched: Extract<Fetched, { kind: 'bytes' }>,
  source: Exclude<InventorySource, { kind: 'bad' }>,
  io: SignatureIo,
): Promise<SignedFile[]> {
  if (source.kind === 'http') {
    return [{ fileName: fetched.fileName, bytes: fetched.bytes, signature: await readRemoteSignature(source.url, io) }];
  }
  const main = fetched.meta.file ?? source.path;
  const files: SignedFile[] = [
    { fileName: fetched.fileName, bytes: fetched.bytes, signature: await readLocalSignature(main, io.fs) },
  ];
  for (const side of fetched.sides ?? []) {
    // An unreadable side file has no bytes to verify: it cannot be part of a verified publication.
    files.push({
      fileName: side.fileName,
      bytes: side.bytes ?? new Uint8Array(),
      signature: side.bytes === null ? null : await readLocalSignature(side.file, io.fs),
    });
  }
  return files;
}

/** Verifies what was fetched; never throws (an unreadable signature is a refusal, not a crash). */
export async function verifyFetched(
  fetched: Extract<Fetched, { kind: 'bytes' }>,
  source: Exclude<InventorySource, { kind: 'bad' }>,
  keyLines: readonly string[],
  now: DateTime,
  lastSequence: number | null,
  io: SignatureIo,
): Promise<PublicationCheck> {
  let files: SignedFile[];
  try {
    files = await signedFilesOf(fetched, source, io);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, status: 'invalid', reason: `signature illisible : ${why}` };
  }
  return checkPublication(files, publicKeysOf(keyLines), now, lastSequence);
}
