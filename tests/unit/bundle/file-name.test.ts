// The one `.lectern` file-name rule: names written (export, pack) and names taken for bundles.
import { describe, expect, it } from 'vitest';
import { bundleNameForDeckFile, deckFileName, isBundleFileName } from '@lectern/bundle';

describe('the .lectern file-name rule', () => {
  it('names a download after the deck title, Vietnamese letters kept, refused characters replaced', () => {
    expect(deckFileName('Bài 1: Đảng?')).toBe('Bài 1- Đảng-.lectern');
    expect(deckFileName('Bài 1: Đảng?', '.html.zip')).toBe('Bài 1- Đảng-.html.zip');
    expect(deckFileName('Bài 4'.normalize('NFD'))).toBe('Bài 4.lectern'.normalize('NFC'));
    expect(deckFileName(' ...  ')).toBe('lectern.lectern');
    expect(deckFileName('x'.repeat(300))).toHaveLength(120 + '.lectern'.length);
  });

  it('takes .lectern in any case for a bundle, and nothing else', () => {
    expect(['a.lectern', 'Bài.LECTERN'].map(isBundleFileName)).toEqual([true, true]);
    expect(['a.lectern-backup', 'a.lectern.zip', 'a.zip', 'lectern'].map(isBundleFileName)).toEqual([false, false, false, false]);
  });

  it('names the bundle of a deck file after the file', () => {
    expect(bundleNameForDeckFile('bai-1')).toBe('bai-1.lectern');
  });
});
