// What the pages and the service worker (src/offline/sw.ts) say to each other. Kept in its own
// module so both sides import the same types without pulling each other's code.

/** Sent by a page to the *waiting* worker to apply an update now; the reply goes to `ports[0]`. */
export interface SkipWaitingRequest {
  type: 'SKIP_WAITING';
}

export interface SkipWaitingReply {
  /** `deferred`: a presentation window is open, so the update waits until it is closed. */
  result: 'activating' | 'deferred';
}

/** present.html -- also with `?receiver`, the speaker view's previews -- is a presentation. */
export function isPresentationUrl(url: string): boolean {
  return /\/present(?:\.html)?$/.test(new URL(url).pathname);
}
