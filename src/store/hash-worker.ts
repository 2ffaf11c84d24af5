// The hashing Worker: a long video is hashed here, slice by slice, so the page stays responsive
// for the seconds to minutes a 2 GB file takes. Message in: a Blob (a handle, not a copy
// of its bytes); out: {hex} or {error}.
import { wasmSha256Hex } from './wasm-hash.ts';

// The DOM lib types `self` as a Window; in a dedicated Worker postMessage takes the message alone.
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<Blob>) => void) | null };

scope.onmessage = (event) => {
  wasmSha256Hex(event.data).then(
    (hex) => scope.postMessage({ hex }),
    (error: unknown) => scope.postMessage({ error: String(error) }),
  );
};
