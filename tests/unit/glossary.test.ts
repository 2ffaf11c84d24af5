// One glossary (packages/deck/src/glossary.ts) for the words of every message catalogue: this test
// reads the Vietnamese side of each catalogue in src/ and packages/ and fails on a variant the
// glossary says to avoid ("Slide", "Số trang", "tệp phương tiện"...).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryViolations } from '../../packages/deck/src/index.ts';

const root = join(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** From `start` (an opening bracket), the text up to its matching close. */
function balanced(text: string, start: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i); // a comment: its apostrophes are not quotes
    else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return text.slice(start);
}

/** The Vietnamese blocks of a catalogue file: `vi: {...}`, `vi: [...]`, `const vi = {...}`, `const VI: T = {...}`. */
function viBlocks(source: string): string[] {
  const blocks: string[] = [];
  const re = /(?:\bvi\s*:|\bconst (?:vi|VI)\b[^=]*=)\s*(?:\([^)]*\)\s*=>\s*)?([{[`'"])/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const at = m.index + m[0].length - 1;
    blocks.push(m[1] === '{' || m[1] === '[' ? balanced(source, at) : (literalAt(source, at) ?? ''));
  }
  return blocks;
}

/** The one string literal starting at `at` (a `vi: '...'` entry of a small table). */
function literalAt(source: string, at: number): string | undefined {
  return /^(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)/.exec(source.slice(at))?.[0];
}

/** The texts inside a block: its string and template literals, `${...}` parts left out. */
function literals(withComments: string): string[] {
  const block = withComments.replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const re = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    if (/^\s*:/.test(block.slice(m.index + m[0].length))) continue; // a quoted key ('deck-missing':), not a text
    out.push((m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' '));
  }
  return out;
}

/** Every file holding a catalogue: a defineMessages call or a `vi` table. */
const catalogues = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'packages'))].filter((path) => {
  const text = readFileSync(path, 'utf8');
  return /defineMessages\(|\bconst (?:vi|VI)\b|\bvi: [[({]/.test(text) && !path.endsWith('glossary.ts') && !path.endsWith('i18n.ts');
});

describe('glossary', () => {
  it('should find the catalogues of the app, the CLI and the packages', () => {
    const names = catalogues.map((p) => relative(root, p));
    for (const expected of ['src/library/messages.ts', 'src/present/messages.ts', 'src/handout/messages.ts', 'packages/cli/src/messages.ts', 'packages/deck/src/diagnostic-messages.ts', 'packages/bundle/src/error-text.ts',
      // main's catalogues since: Office import and export, media checks, captions, ink
      'packages/office/src/messages.ts', 'packages/office-export/src/labels.ts', 'packages/office-export/src/losses.ts', 'packages/deck/src/media-types.ts',
      'src/office-import/messages.ts', 'src/media/media-check.ts', 'src/media/caption-file.ts']) {
      expect(names).toContain(expected);
    }
  });

  it('should catch each variant it lists', () => {
    expect(glossaryViolations('Số trang')).not.toEqual([]);
    expect(glossaryViolations('Slide tiếp theo')).toHaveLength(1);
    expect(glossaryViolations('Tệp phương tiện')).toHaveLength(1);
    expect(glossaryViolations('Hãy tải lại trang này. Trang chiếu 3, màn hình giảng viên, giáo án, tư liệu')).toEqual([]);
    for (const term of Object.values(GLOSSARY)) expect(glossaryViolations(term.vi)).toEqual([]);
  });

  it('should use the glossary terms in every Vietnamese catalogue', () => {
    const found: string[] = [];
    for (const path of catalogues) {
      for (const block of viBlocks(readFileSync(path, 'utf8'))) {
        for (const text of literals(block)) {
          for (const problem of glossaryViolations(text)) found.push(`${relative(root, path)}: ${problem} in "${text.trim().slice(0, 80)}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
