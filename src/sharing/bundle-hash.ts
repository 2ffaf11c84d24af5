// The SHA-256 the bundle reader computes while an import's preview streams every media byte,
// at WebAssembly speed: hash-wasm digests 3-5x faster than packages/bundle's default
// (@noble/hashes, pure JavaScript, kept there because the package must run anywhere).
//
// The reader asks for a hasher synchronously (HashFactory) while hash-wasm creates its instances
// asynchronously, so instances are made ahead: prepareBundleHash() awaits the first one, and the
// factory it returns hands out free instances (init() resets each for its next entry). The
// reader checks entries one after another, so one instance serves a whole preview; an entry
// asked for while every instance is busy (an asset streamed again during another's check) gets
// the pure-JavaScript hasher, and another instance is made for next time. A hasher abandoned
// before its digest (a stream broken off after the first bytes) never returns its instance: the
// pool refills itself. Where WebAssembly may not compile (a Content-Security-Policy without
// 'wasm-unsafe-eval', a browser without it), every hasher is the pure-JavaScript one. Both give
// the same digest, so verdicts never depend on which ran.
import { defaultHashFactory, type HashFactory } from '@lectern/bundle';

/** What hash-wasm's createSHA256() gives (only what is used here). */
export interface WasmSha256 {
  init(): unknown;
  update(data: Uint8Array): unknown;
  digest(outputType: 'hex'): string;
}

export interface BundleHash {
  hash: HashFactory;
  /** Which hasher serves entries: 'wasm', or 'js' where WebAssembly could not be compiled. */
  engine: 'wasm' | 'js';
}

// hash-wasm (all its algorithms) loads only when a bundle is first read, in its own chunk.
const createSha256 = async (): Promise<WasmSha256> => (await import('hash-wasm')).createSHA256();

/** A hash factory backed by hash-wasm where WebAssembly compiles, else packages/bundle's default.
 *  `create` makes one WebAssembly hasher (tests pass one that fails, as a strict CSP makes it). */
export async function prepareBundleHash(create: () => Promise<WasmSha256> = createSha256): Promise<BundleHash> {
  let first: WasmSha256;
  try {
    first = await create();
  } catch {
    return { hash: defaultHashFactory, engine: 'js' };
  }
  const free: WasmSha256[] = [first];
  let making = false;
  const refill = () => {
    if (making) return;
    making = true;
    create().then(
      (instance) => void free.push(instance),
      () => undefined, // it compiled once; if it no longer does, the JavaScript hasher serves
    ).finally(() => (making = false));
  };
  const hash: HashFactory = () => {
    const instance = free.pop();
    if (free.length === 0) refill();
    if (!instance) return defaultHashFactory();
    instance.init();
    return {
      update: (bytes) => void instance.update(bytes),
      digest: () => {
        const hex = instance.digest('hex');
        free.push(instance);
        return hex;
      },
    };
  };
  return { hash, engine: 'wasm' };
}

let prepared: Promise<BundleHash> | undefined;

/** The app's bundle hash factory, prepared once per page. */
export async function bundleHash(): Promise<HashFactory> {
  prepared ??= prepareBundleHash();
  return (await prepared).hash;
}
