import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isStoreError, type SessionInput } from '../../../src/store/index.ts';
import { freshStore } from './helpers.ts';

describe('excerpts', () => {
  const resolution = {
    text: 'Đảng phải thường xuyên tự đổi mới, tự chỉnh đốn.',
    source: 'Nghị quyết Đại hội XII',
    number: '01-NQ/ĐH',
    issuer: 'Ban Chấp hành Trung ương',
    ref: 'Phần III',
    date: '2016-01-28',
    tags: ['xây dựng Đảng', 'chỉnh đốn'],
  };

  it('should round-trip, update and delete an excerpt', async () => {
    const store = await freshStore();
    const created = await store.createExcerpt(resolution);
    expect(created).toMatchObject(resolution);
    expect(await store.getExcerpt(created.id)).toEqual(created);
    const updated = await store.updateExcerpt(created.id, { ...resolution, ref: 'Phần IV', tags: ['  a ', 'a', ''] });
    expect(updated).toMatchObject({ id: created.id, ref: 'Phần IV', tags: ['a'], createdAt: created.createdAt });
    expect(await store.listExcerpts()).toEqual([updated]);
    await store.deleteExcerpt(created.id);
    expect(await store.getExcerpt(created.id)).toBeUndefined();
    const missing = await store.updateExcerpt(created.id, resolution).catch((e: unknown) => e);
    expect(isStoreError(missing, 'not-found')).toBe(true);
  });

  it('should find excerpts ignoring case and Vietnamese diacritics, đ included', async () => {
    const store = await freshStore();
    const a = await store.createExcerpt(resolution);
    const b = await store.createExcerpt({ text: 'Học tập và làm theo tư tưởng Hồ Chí Minh.', source: 'Chỉ thị 05-CT/TW', tags: ['Hồ Chí Minh'] });
    const ids = async (q: string, tags?: string[]) => (await store.searchExcerpts(q, { tags })).map((e) => e.id).sort();
    expect(await ids('nghi quyet dai hoi')).toEqual([a.id]);
    expect(await ids('DANG chinh don')).toEqual([a.id]);
    expect(await ids('01-nq/dh')).toEqual([a.id]);
    expect(await ids('2016-01')).toEqual([a.id]);
    expect(await ids('ho chi minh')).toEqual([b.id]);
    expect(await ids('')).toEqual([a.id, b.id].sort());
    expect(await ids('', ['ho chi minh'])).toEqual([b.id]);
    expect(await ids('khong co')).toEqual([]);
  });

  it('should refuse an excerpt without text', async () => {
    const store = await freshStore();
    // Hostile input from a bundle: text missing (cast: the type requires it).
    const error = await store.createExcerpt({ source: 'x' } as unknown as { text: string }).catch((e: unknown) => e);
    expect(isStoreError(error, 'invalid-input')).toBe(true);
    expect(await store.listExcerpts()).toEqual([]);
  });
});

describe('sessions', () => {
  const session: SessionInput = {
    deckId: 'deck-1',
    deckTitle: 'Bài 1: Những vấn đề cơ bản về Đảng',
    date: '2026-03-14',
    className: 'Lớp bồi dưỡng đảng viên mới khóa 3',
    cohort: 'Đảng viên mới',
    learners: 42,
    minutes: 180,
    place: 'Hội trường A',
    notes: 'Thảo luận sôi nổi.',
  };

  it('should round-trip, update, list by date range and delete sessions', async () => {
    const store = await freshStore();
    const s1 = await store.createSession(session);
    const s2 = await store.createSession({ ...session, date: '2026-07-02', learners: 30 });
    const s3 = await store.createSession({ ...session, date: '2025-12-30', deckId: undefined, deckTitle: 'Bài đã xóa' });
    expect(await store.getSession(s1.id)).toEqual(s1);
    expect((await store.listSessions()).map((s) => s.id)).toEqual([s3.id, s1.id, s2.id]);
    expect((await store.listSessions({ from: '2026-01-01', to: '2026-06-30' })).map((s) => s.id)).toEqual([s1.id]);
    expect((await store.listSessions({ from: '2026-01-01' })).map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect((await store.listSessions({ to: '2026-03-14' })).map((s) => s.id)).toEqual([s3.id, s1.id]);
    expect((await store.listSessions({ deckId: 'deck-1' })).map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect((await store.listSessions({ deckId: 'deck-1', from: '2026-04-01' })).map((s) => s.id)).toEqual([s2.id]);
    const updated = await store.updateSession(s1.id, { ...session, learners: 45 });
    expect(updated).toMatchObject({ id: s1.id, learners: 45, createdAt: s1.createdAt });
    await store.deleteSession(s2.id);
    expect(await store.getSession(s2.id)).toBeUndefined();
  });

  it('should refuse bad dates and counts and store nothing', async () => {
    const store = await freshStore();
    for (const bad of [
      { date: '14/03/2026' },
      { date: '2026-13-45' },
      { learners: -1 },
      { learners: 2.5 },
      { minutes: Number.NaN },
      { className: undefined },
    ]) {
      const error = await store.createSession({ ...session, ...bad } as SessionInput).catch((e: unknown) => e);
      expect(isStoreError(error, 'invalid-input'), JSON.stringify(bad)).toBe(true);
    }
    expect(await store.listSessions()).toEqual([]);
  });
});

describe('settings', () => {
  it('should return defaults, then what was set', async () => {
    const store = await freshStore();
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
    await store.setSetting('lang', 'en');
    await store.setSetting('centreName', 'Trung tâm Chính trị huyện Đông Anh');
    await store.setSetting('presenter', { speakerView: false, countdown: true, transition: 'fade' });
    expect(await store.getSetting('lang')).toBe('en');
    expect(await store.getSetting('theme')).toBe('white');
    expect(await store.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      lang: 'en',
      centreName: 'Trung tâm Chính trị huyện Đông Anh',
      presenter: { speakerView: false, countdown: true, transition: 'fade' },
    });
    // Unknown keys are refused (cast: the type forbids them).
    const error = await store.setSetting('nope' as 'lang', 'vi').catch((e: unknown) => e);
    expect(isStoreError(error, 'invalid-input')).toBe(true);
  });
});
