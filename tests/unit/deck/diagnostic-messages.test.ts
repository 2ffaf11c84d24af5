// Every diagnostic code has Vietnamese and English text, made from the diagnostic's params when it
// is shown. Branches add codes: this test is what fails at merge when one comes without its text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_MESSAGES, formatDiagnostic, parseDeck, renderDeck, type Diagnostic } from '../../../packages/deck/src/index.ts';

const dir = join(import.meta.dirname, '../../fixtures/decks');

/** Every diagnostic the golden decks produce: a sample of every code and most variants. */
function goldenDiagnostics(): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const deck = parseDeck(readFileSync(join(dir, name), 'utf8'));
    out.push(...renderDeck(deck, { mediaExists: (path: string) => !path.includes('missing') }).diagnostics);
  }
  return out;
}

describe('diagnostic messages', () => {
  it('should have Vietnamese and English text for every diagnostic code', () => {
    expect(DIAGNOSTIC_CODES.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const code of DIAGNOSTIC_CODES) {
      const entry = (DIAGNOSTIC_MESSAGES as Partial<typeof DIAGNOSTIC_MESSAGES>)[code];
      for (const lang of ['vi', 'en'] as const) {
        const text = entry?.[lang]?.({ path: 'media/ảnh.png', key: 'k', total: 95, duration: 90 });
        if (typeof text !== 'string' || text.trim() === '') missing.push(`${code} (${lang})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should keep message as the English text and give a different Vietnamese text', () => {
    const list = goldenDiagnostics();
    expect(new Set(list.map((d) => d.code)).size).toBeGreaterThanOrEqual(8);
    for (const d of list) {
      expect(formatDiagnostic(d, 'en')).toBe(d.message);
      expect(formatDiagnostic(d, 'vi'), d.message).not.toBe(d.message);
    }
  });

  it('should write each variant in Vietnamese words, not the English sentence', () => {
    const english = /\b(is|are|the|not|must|never|unknown|removed|found|shown|block|file)\b/;
    for (const d of goldenDiagnostics()) {
      // Quoted names (keys, paths, HTML tags) are the author's own words, and the YAML parser's
      // detail is its own English: leave them out.
      const vi = formatDiagnostic(d, 'vi').replace(String(d.params.detail ?? '\u0000'), '').replace(/"[^"]*"|<[^>]*>|\S+\/\S+/g, '');
      expect(vi, `${d.code}: ${formatDiagnostic(d, 'vi')}`).not.toMatch(english);
    }
  });

  it('should name the slide and the media with the glossary terms', () => {
    const deck = parseDeck('# A\n\n![](media/thiếu-missing.png)\n');
    const [missing] = renderDeck(deck, { mediaExists: () => false }).diagnostics;
    expect(formatDiagnostic(missing!, 'vi')).toBe('không tìm thấy tư liệu: media/thiếu-missing.png');
    const over = parseDeck('---\nduration: 10\n---\n# A {minutes=8.5}\n---\n# B {minutes=4}\n');
    const timing = over.diagnostics.find((d) => d.code === 'timing-over-duration')!;
    expect(formatDiagnostic(timing, 'vi')).toBe('thời gian dự kiến lên tới 12,5 phút, vượt thời lượng bài giảng 10 phút (tính từ đây)');
    expect(formatDiagnostic(timing, 'en')).toContain('12.5 minutes in total');
  });

  it('should fall back to the stored message for a code the catalogue does not know', () => {
    const foreign = { code: 'from-a-newer-version', message: 'kept as written', params: {} } as unknown as Diagnostic;
    expect(formatDiagnostic(foreign, 'vi')).toBe('kept as written');
  });
});
