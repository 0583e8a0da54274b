/**
 * Fetches an inventory over https with a conditional GET, so a poll every few minutes from thousands of PCs costs
 * the server a 304 each time the file has not changed.
 */
import type { SourceMeta } from '../store';
import { httpFailure } from './errors';
import type { Fetched } from './fetch-file';

export interface HttpFetchOptions {
  fetch: typeof globalThis.fetch;
  maxBytes: number;
  timeoutMs: number;
}

function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || 'inventaire';
  } catch {
    return last || 'inventaire';
  }
}

export async function fetchHttp(url: URL, known: SourceMeta | undefined, o: HttpFetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = {};
  if (known?.etag) headers['If-None-Match'] = known.etag;
  if (known?.lastModified) headers['If-Modified-Since'] = known.lastModified;
  const where = url.toString();
  let response: Response;
  try {
    response = await o.fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (error) {
    return { kind: 'failed', failure: httpFailure(error, where) };
  }
  if (url.protocol === 'https:' && response.url && !response.url.startsWith('https:')) {
    await response.body?.cancel();
    return {
      kind: 'failed',
      failure: { outcome: 'invalid', message: `Redirection non sécurisée refusée (${response.url}) : ${where}.` },
    };
  }
  const meta: SourceMeta = {};
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) meta.etag = etag;
  if (lastModified) meta.lastModified = lastModified;

  if (response.status === 304) {
    await response.body?.cancel();
    return { kind: 'unchanged', meta: { ...known, ...meta } };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return {
      kind: 'failed',
      failure: {
        outcome: 'offline',
        message:
          response.status === 404
            ? `Inventaire introuvable sur le serveur : ${where}.`
            : `Le serveur de l'inventaire a répondu ${response.status} : ${where}.`,
      },
    };
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooBig = {
    kind: 'failed' as const,
    failure: { outcome: 'invalid' as const, message: `Fichier d'inventaire trop volumineux : ${where}.` },
  };
  if (declared > o.maxBytes) {
    await response.body?.cancel();
    return tooBig;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { kind: 'failed', failure: httpFailure(error, where) };
  }
  if (bytes.byteLength > o.maxBytes) return tooBig;
  return { kind: 'bytes', bytes, fileName: fileNameOf(new URL(response.url || where)), meta };
}
