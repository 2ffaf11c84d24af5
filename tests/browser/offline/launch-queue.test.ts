// Files opened from the OS reach whoever imports them, even when they arrive before anyone
// listens (the library screen is a lazy chunk), and exactly once (src/offline/launch-queue.ts).
import { describe, expect, it } from 'vitest';
import { deliverOpenedFiles, onOpenFiles } from '../../../src/offline/launch-queue.ts';

const bundle = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/x-lectern' });

describe('opened files', () => {
  it('should hold files that arrive before a handler and replay them once to the first handler', () => {
    deliverOpenedFiles([bundle('Bài 1 — Nghị quyết.lectern')]);
    const seen: string[] = [];
    const stop = onOpenFiles((files) => seen.push(...files.map((f) => f.name)));
    expect(seen).toEqual(['Bài 1 — Nghị quyết.lectern']);
    const later: string[] = [];
    const stopLater = onOpenFiles((files) => later.push(...files.map((f) => f.name)));
    expect(later).toEqual([]); // already delivered: not replayed again
    deliverOpenedFiles([bundle('b.lectern')]);
    expect(seen).toEqual(['Bài 1 — Nghị quyết.lectern', 'b.lectern']);
    stop();
    stopLater();
  });

  it('should let a window listener take the files (preventDefault) so handlers do not get them too', () => {
    const seen: string[] = [];
    const stop = onOpenFiles((files) => seen.push(...files.map((f) => f.name)));
    const take = (event: CustomEvent<{ files: File[] }>) => event.preventDefault();
    window.addEventListener('lectern-open-files', take);
    deliverOpenedFiles([bundle('taken.lectern')]);
    window.removeEventListener('lectern-open-files', take);
    expect(seen).toEqual([]);
    deliverOpenedFiles([]); // nothing opened: nothing announced
    expect(seen).toEqual([]);
    stop();
  });
});
