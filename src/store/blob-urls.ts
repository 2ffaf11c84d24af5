// Object URLs for stored media, created and revoked in one place. A presented deck may hold
// gigabytes of video; every URL.createObjectURL pins its Blob until revoked, so screens acquire
// URLs through a BlobUrls owned by the screen and call releaseAll() when it goes away.

export interface BlobSource {
  getAssetBlob(assetId: string): Promise<Blob>;
}

export class BlobUrls {
  private readonly urls = new Map<string, Promise<string>>();
  private readonly source: BlobSource;
  private readonly create: (blob: Blob) => string;
  private readonly revoke: (url: string) => void;

  constructor(
    source: BlobSource,
    // Injectable so tests can count creations and revocations.
    create: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
    revoke: (url: string) => void = (url) => URL.revokeObjectURL(url),
  ) {
    this.source = source;
    this.create = create;
    this.revoke = revoke;
  }

  /** One URL per asset, however often it is asked for. Rejects with StoreError 'not-found'. */
  acquire(assetId: string): Promise<string> {
    let url = this.urls.get(assetId);
    if (!url) {
      url = this.source.getAssetBlob(assetId).then((blob) => this.create(blob));
      this.urls.set(assetId, url);
      url.catch(() => this.urls.delete(assetId)); // a failed lookup may be retried later
    }
    return url;
  }

  /** Number of live URLs (for tests and the media panel). */
  get size(): number {
    return this.urls.size;
  }

  release(assetId: string): void {
    const url = this.urls.get(assetId);
    if (!url) return;
    this.urls.delete(assetId);
    url.then(this.revoke, () => undefined);
  }

  releaseAll(): void {
    for (const id of [...this.urls.keys()]) this.release(id);
  }
}
