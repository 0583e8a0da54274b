import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { csvWithRows, harness } from './helpers';

interface Server {
  url: string;
  requests: { path: string; headers: http.IncomingHttpHeaders; status: number }[];
  body: string;
  status: number | null;
  useLastModified: boolean;
  close(): Promise<void>;
}

const servers: Server[] = [];

/** A tiny inventory server on 127.0.0.1 honouring ETag / If-None-Match and Last-Modified / If-Modified-Since. */
async function startServer(body: string): Promise<Server> {
  const state: Server = {
    url: '',
    requests: [],
    body,
    status: null,
    useLastModified: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const etag = `"${createHash('sha1').update(state.body).digest('hex')}"`;
    const lastModified = new Date(Date.UTC(2026, 2, 1, 12, 0, 0) + state.body.length * 1000).toUTCString();
    let status = state.status ?? 200;
    if (status === 200) {
      const notModified = state.useLastModified
        ? req.headers['if-modified-since'] === lastModified
        : req.headers['if-none-match'] === etag;
      if (notModified) status = 304;
    }
    state.requests.push({ path: req.url ?? '', headers: req.headers, status });
    res.statusCode = status;
    if (state.useLastModified) res.setHeader('Last-Modified', lastModified);
    else res.setHeader('ETag', etag);
    res.end(status === 200 ? state.body : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inventaires/inventaire.csv`;
  servers.push(state);
  return state;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('https source (conditional GET)', () => {
  it('downloads once, then gets 304 Not Modified thanks to the ETag', async () => {
    const server = await startServer(csvWithRows(12));
    const h = harness({ allowLocalHttp: true });
    h.source.value = server.url;
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().applications).toHaveLength(12);
    expect(h.sync.state().source).toBe(server.url);

    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'unchanged', changed: false });
    expect(server.requests.map((r) => r.status)).toEqual([200, 304]);
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[1]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{40}"$/);

    server.body = csvWithRows(18);
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().applications).toHaveLength(18);
    expect(server.requests.map((r) => r.status)).toEqual([200, 304, 200]);
  });

  it('uses If-Modified-Since when the server only gives Last-Modified', async () => {
    const server = await startServer(csvWithRows(12));
    server.useLastModified = true;
    const h = harness({ allowLocalHttp: true });
    h.source.value = server.url;
    await h.sync.syncNow();
    expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    expect(server.requests.map((r) => r.status)).toEqual([200, 304]);
    expect(server.requests[0]?.headers['if-modified-since']).toBeUndefined();
    expect(server.requests[1]?.headers['if-modified-since']).toMatch(/^Sun, 01 Mar 2026 12:\d\d:\d\d GMT$/);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('a server error or an unreachable server keeps the last good inventory (offline)', async () => {
    const server = await startServer(csvWithRows(12));
    const h = harness({ allowLocalHttp: true });
    h.source.value = server.url;
    await h.sync.syncNow();
    server.status = 503;
    const failed = await h.sync.syncNow();
    expect(failed).toMatchObject({
      outcome: 'offline',
      message: `Le serveur de l'inventaire a répondu 503 : ${server.url}.`,
    });
    server.status = 404;
    expect((await h.sync.syncNow()).message).toBe(`Inventaire introuvable sur le serveur : ${server.url}.`);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const down = await h.sync.syncNow();
    expect(down).toMatchObject({ outcome: 'offline', message: `Serveur de l'inventaire injoignable : ${server.url}.` });
    expect(down.state).toMatchObject({ state: 'offline', applications: 12, source: server.url });
    expect(h.sync.current().applications).toHaveLength(12);
  });

  it('a garbage download is invalid and the previous inventory stays', async () => {
    const server = await startServer(csvWithRows(12));
    const h = harness({ allowLocalHttp: true });
    h.source.value = server.url;
    await h.sync.syncNow();
    server.body = 'Bonjour,ceci\nn,est pas\nun inventaire';
    const outcome = await h.sync.syncNow();
    expect(outcome.outcome).toBe('invalid');
    expect(outcome.message).toMatch(/^Inventaire non valide \(inventaire\.csv\)/);
    expect(h.sync.current().applications).toHaveLength(12);
  });

  it('plain http is refused unless the test option allows 127.0.0.1', async () => {
    const server = await startServer(csvWithRows(12));
    const h = harness();
    h.source.value = server.url;
    const outcome = await h.sync.syncNow();
    expect(outcome.outcome).toBe('invalid');
    expect(outcome.message).toMatch(/seule une adresse https:\/\/ est acceptée/);
    expect(server.requests).toHaveLength(0);
    expect(h.sync.current().applications).toHaveLength(18); // the embedded inventory
  });
});
