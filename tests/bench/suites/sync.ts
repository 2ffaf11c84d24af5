// Centre sync (issue 16), in Chromium (on-disk profile, tests/browser/store/harness-server.ts)
// against a local pouchdb-server (in memory) behind a counting loopback proxy:
//  - first sync of a library of 200 decks holding SYNC_BENCH_MB of media (default 1024: 1 GB;
//    --quick: 50 MB), beside copying the same bytes with plain HTTP PUTs of attachments from the
//    same page to the same server in the same run (the baseline);
//  - an incremental sync after one deck is edited: requests and bytes sent, to show that only the
//    changed deck document goes (no media, no other deck).
// The 50-lecturer scale rows are tests/bench/suites/sync-scale.ts (`npm run bench -- sync` runs
// every suite whose file name contains "sync").
//   npm run bench -- sync            SYNC_BENCH_MB=200 npm run bench -- sync
import { startCentreServer } from '../../support/centre-server.ts';
import { CentreFixture, basicAuth } from '../../support/centre-ui-fixture.ts';
import { startCentreProxy } from '../../support/centre-proxy.ts';
import { startHarness } from '../../browser/store/harness-server.ts';
import type * as SyncEngineModule from '../../../src/sync/sync-engine.ts';
import type * as ConnectionModule from '../../../src/sync/connection.ts';
import type * as StoreModule from '../../../src/store/index.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

declare global {
  interface Window {
    lecternSync: typeof SyncEngineModule;
    lecternConnection: typeof ConnectionModule;
  }
}

const DECKS = 200;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const totalMb = ctx.quick ? 50 : Number(process.env.SYNC_BENCH_MB ?? 1024);
  const perDeck = Math.floor((totalMb * 1024 * 1024) / DECKS);
  const lecturer = { name: 'bench.giảng.viên', password: 'mật khẩu bench' };
  const server = await startCentreServer({ lifetimeSeconds: 7200 });
  const proxy = await startCentreProxy(server.url);
  const harness = await startHarness({
    modules: { lecternSync: '/src/sync/sync-engine.ts', lecternConnection: '/src/sync/connection.ts' },
    optimize: ['pouchdb-browser'],
  });
  try {
    await (await CentreFixture.setup(server)).addUser(lecturer);
    const plainDb = 'bench-plain';
    await fetch(`${server.url}/${plainDb}`, { method: 'PUT', headers: { Authorization: basicAuth(server.admin) } });
    await fetch(`${server.url}/${plainDb}/_security`, {
      method: 'PUT',
      headers: { Authorization: basicAuth(server.admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({ members: { names: [lecturer.name], roles: [] }, admins: { names: [], roles: [] } }),
    });
    const page = await harness.newPage();
    ctx.log(`sync: preparing ${DECKS} decks with ${totalMb} MB of media (${round(perDeck / 1048576, 2)} MB each)`);
    await page.evaluate(
      async ({ decks, perDeck }) => {
        const store = await window.lecternStore.openStore('bench-sync', { requestPersistence: false });
        for (let i = 0; i < decks; i++) {
          const bytes = new Uint8Array(perDeck);
          const words = new Uint32Array(bytes.buffer, 0, Math.floor(perDeck / 4));
          let x = i + 1;
          for (let w = 0; w < words.length; w++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            words[w] = x >>> 0;
          }
          // An MP4 header, so the store types it as video.
          bytes.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
          const deck = await store.createDeck({ markdown: `# Bài ${i + 1}: Đường lối của Đảng\n\n![video](media/video-${i + 1}.mp4)\n\n---\n\n## Thảo luận\n` });
          await store.addDeckAsset(deck.id, `media/video-${i + 1}.mp4`, new Blob([bytes], { type: 'video/mp4' }), `video ${i + 1}.mp4`);
        }
        store.close();
      },
      { decks: DECKS, perDeck },
    );

    ctx.log('sync: baseline, plain HTTP PUT of the same bytes');
    const plainMs = await page.evaluate(
      async ({ url, user, password }) => {
        const store = await window.lecternStore.openStore('bench-sync', { requestPersistence: false });
        const auth = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)));
        const assets = await store.listAssets();
        const t0 = performance.now();
        for (const [i, asset] of assets.entries()) {
          const blob = await store.getAssetBlob(asset.id);
          const reply = await fetch(`${url}/m${i}/file`, { method: 'PUT', headers: { Authorization: auth, 'Content-Type': asset.type }, body: blob });
          if (!reply.ok) throw new Error(`plain PUT ${reply.status}`);
        }
        const ms = performance.now() - t0;
        store.close();
        return ms;
      },
      { url: `${proxy.url}/${plainDb}`, user: lecturer.name, password: lecturer.password },
    );

    ctx.log('sync: first sync');
    proxy.requests.splice(0);
    const first = await page.evaluate(
      async ({ url, user, password }) => {
        const store = await window.lecternStore.openStore('bench-sync', { requestPersistence: false });
        const connection = await window.lecternConnection.CentreConnection.login(url, user, password);
        const engine = await window.lecternSync.SyncEngine.open(store, connection);
        const t0 = performance.now();
        await engine.syncNow();
        const ms = performance.now() - t0;
        engine.stop();
        store.close();
        return ms;
      },
      { url: proxy.url, user: lecturer.name, password: lecturer.password },
    );
    const firstRequests = proxy.requests.splice(0);
    const firstBytes = firstRequests.reduce((sum, r) => sum + r.bytesIn, 0);
    yield {
      name: `first sync, ${DECKS} decks (baseline: plain PUT of the media)`,
      n: totalMb,
      ms: round(first),
      baselineMs: round(plainMs),
      ratio: round(first / plainMs, 2),
      mbPerSec: round(totalMb / (first / 1000)),
      requests: firstRequests.length,
      bytesSent: firstBytes,
    };

    ctx.log('sync: incremental sync after one edit');
    await page.evaluate(
      async ({ url, user, password }) => {
        const store = await window.lecternStore.openStore('bench-sync', { requestPersistence: false });
        const connection = await window.lecternConnection.CentreConnection.login(url, user, password);
        const engine = await window.lecternSync.SyncEngine.open(store, connection);
        await engine.syncNow(); // after a reload: the full scan finds nothing to send
        Object.assign(window, { benchSync: { store, engine } });
      },
      { url: proxy.url, user: lecturer.name, password: lecturer.password },
    );
    proxy.requests.splice(0);
    const again = await page.evaluate(async () => {
      const { store, engine } = (window as unknown as { benchSync: { store: StoreModule.Store; engine: SyncEngineModule.SyncEngine } }).benchSync;
      const [summary] = await store.listDecks();
      const deck = (await store.getDeck(summary!.id))!;
      await store.saveDeck(deck.id, deck.markdown.replace('Thảo luận', 'Thảo luận nhóm'), deck.rev);
      const t0 = performance.now();
      await engine.syncNow();
      return performance.now() - t0;
    });
    const requests = proxy.requests.splice(0);
    const writes = requests.filter((r) => (r.method === 'PUT' && !r.path.includes('/_local/')) || (r.method === 'POST' && r.path.includes('/_bulk_docs')));
    yield {
      name: 'incremental sync after one edit',
      n: 1,
      ms: round(again),
      requests: requests.length,
      bytesSent: requests.reduce((sum, r) => sum + r.bytesIn, 0),
      docWrites: writes.length,
      mediaPuts: requests.filter((r) => r.method === 'PUT' && r.path.includes('/file')).length,
    };
  } finally {
    await harness.close();
    await proxy.stop();
    await server.stop();
  }
}

const suite: BenchSuite = { name: 'sync', run };
export default suite;
