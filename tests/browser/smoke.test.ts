import { expect, it } from 'vitest';
it('runs in real Chromium with IndexedDB', async () => { expect(typeof indexedDB.open).toBe('function'); expect(navigator.userAgent).toContain('Chrome'); });
