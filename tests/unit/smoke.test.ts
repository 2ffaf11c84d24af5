import { describe, expect, it } from 'vitest';
describe('toolchain', () => { it('runs unit tests in Node', () => { expect(typeof process.version).toBe('string'); }); });
