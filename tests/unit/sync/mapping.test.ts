// What the sync accepts from the server before anything reaches the library: only this
// lecturer's documents, of the right kind, under their own id; and which differences between two
// versions of a deck count as a change (its text and media, not its times or file names).
import { describe, expect, it } from 'vitest';
import { checkIncoming, deckSignature, sessionBody, sessionRecord } from '../../../src/sync/mapping.ts';
import type { SessionDoc } from '@lectern/centre';

const owner = 'phạm.thị.dung';
const sha = 'a'.repeat(64);
const deck = {
  _id: 'deck:d1',
  _rev: '2-abc',
  type: 'deck',
  owner,
  deckId: 'd1',
  title: 'Bài 1',
  markdown: '# Bài 1\n',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
  media: [{ path: 'media/ảnh.png', sha256: sha, type: 'image/png', size: 10, name: 'ảnh.png' }],
};

describe('checkIncoming', () => {
  it('accepts a valid deck of this lecturer', () => {
    expect(checkIncoming(deck, 'deck:d1', owner).kind).toBe('deck');
  });

  it.each([
    ['another owner', { ...deck, owner: 'kẻ.khác' }, 'deck:d1'],
    ['another id', deck, 'deck:d2'],
    ['a deck id that is not its own', { ...deck, deckId: 'd2' }, 'deck:d1'],
    ['a session under a deck id', { ...deck, type: 'session' }, 'deck:d1'],
    ['text that is not a string', { ...deck, markdown: 42 }, 'deck:d1'],
    ['a media path outside media/', { ...deck, media: [{ ...deck.media[0], path: '../etc/passwd' }] }, 'deck:d1'],
    ['a hash that is not SHA-256', { ...deck, media: [{ ...deck.media[0], sha256: 'xyz' }] }, 'deck:d1'],
    ['an unknown kind of document', deck, '_design/x'],
    ['not an object', 'chuỗi', 'deck:d1'],
  ])('refuses %s', (_what, doc, key) => {
    expect(checkIncoming(doc, key, owner).kind).toBe('refused');
  });

  it('takes a deletion as a deletion of that record', () => {
    expect(checkIncoming({ _id: 'session:s1', _rev: '3-x', _deleted: true }, 'session:s1', owner)).toEqual({
      kind: 'deleted',
      key: { kind: 'session', sessionId: 's1' },
    });
  });
});

describe('signatures and sessions', () => {
  it('counts text and media as a deck change, not its times or file names', async () => {
    const base = await deckSignature(deck);
    const renamed = { ...deck, updatedAt: '2027-01-01T00:00:00.000Z', media: [{ ...deck.media[0]!, name: 'khác.png' }] };
    expect(await deckSignature(renamed)).toBe(base);
    expect(await deckSignature({ ...deck, markdown: '# Bài 1 (sửa)\n' })).not.toBe(base);
    expect(await deckSignature({ ...deck, media: [{ ...deck.media[0]!, sha256: 'b'.repeat(64) }] })).not.toBe(base);
    expect(await deckSignature(undefined)).not.toBe(base);
  });

  it('maps a session to its document and back unchanged', () => {
    const record = {
      id: 's1',
      deckTitle: 'Bài 1',
      date: '2026-03-12',
      className: 'Lớp K12',
      cohort: 'new-members',
      learners: 40,
      minutes: 90,
      notes: 'Ghi chú',
      createdAt: '2026-03-12T01:00:00.000Z',
      updatedAt: '2026-03-12T02:00:00.000Z',
    };
    const doc: SessionDoc = { _id: 'session:s1', _rev: '1-a', ...sessionBody(record, owner) };
    expect(doc.sessionId).toBe('s1');
    expect(checkIncoming(doc, 'session:s1', owner).kind).toBe('session');
    expect(sessionRecord(doc)).toEqual(record);
  });
});
