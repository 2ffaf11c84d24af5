// The sessions model and screens on the real store (IndexedDB in Chromium): recording, editing,
// refusing bad input with nothing stored, delete with undo, renamed cohorts, deleted decks, and
// the report's title with the centre's name.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/app/i18n.ts';
import type { ToastEvent, ToastRequest } from '../../../src/app/toast.ts';
import '../../../src/report/report-view.ts';
import type { ReportView } from '../../../src/report/report-view.ts';
import { SessionsModel } from '../../../src/sessions/sessions-model.ts';
import '../../../src/sessions/sessions-view.ts';
import type { SessionsView } from '../../../src/sessions/sessions-view.ts';
import { deleteStore, openStore, type Store } from '../../../src/store/index.ts';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) {
    store.close();
    await deleteStore(store.name);
  }
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname);
  setLang('en');
});

async function freshModel(): Promise<SessionsModel> {
  const store = await openStore(`test-sessions-${crypto.randomUUID()}`, { requestPersistence: false });
  opened.push(store);
  const model = new SessionsModel(store);
  await model.reload();
  return model;
}

const draft = (over: Partial<Parameters<SessionsModel['add']>[0]> = {}) => ({
  date: '2026-03-15',
  deckId: null,
  className: 'Lớp đảng viên mới K12',
  cohort: 'new-members',
  learners: 48,
  minutes: 90,
  place: 'Hội trường A',
  notes: '',
  ...over,
});

async function until(check: () => boolean, what: string): Promise<void> {
  // Bounded by tries, not by a clock: each try waits for the next animation frame.
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

describe('sessions model on the real store', () => {
  it('should add, update, delete and undo, keeping Vietnamese text intact', async () => {
    const model = await freshModel();
    const deck = await opened.at(-1)!.createDeck({ markdown: '---\ntitle: Tư tưởng Hồ Chí Minh\n---\n# Bài 1\n' });
    await model.reload();
    const added = await model.add(draft({ deckId: deck.id }));
    expect(added).toMatchObject({ deckId: deck.id, deckTitle: 'Tư tưởng Hồ Chí Minh', className: 'Lớp đảng viên mới K12', minutes: 90 });
    await model.update(added.id, draft({ deckId: deck.id, learners: 50, minutes: null }));
    expect(model.sessions).toHaveLength(1);
    expect(model.sessions[0]).toMatchObject({ learners: 50, minutes: 0 });

    const undo = await model.remove(model.sessions[0]!);
    expect(model.sessions).toHaveLength(0);
    await undo();
    expect(model.sessions).toHaveLength(1);
    expect(model.sessions[0]).toMatchObject({ learners: 50, className: 'Lớp đảng viên mới K12', deckTitle: 'Tư tưởng Hồ Chí Minh' });

    // The deck goes to the trash: the session keeps its last title.
    await opened.at(-1)!.deleteDeck(deck.id);
    await model.reload();
    expect(model.decks).toHaveLength(0);
    expect(model.deckTitle(deck.id)).toBe('Tư tưởng Hồ Chí Minh');
  });

  it('should keep a class\'s ink with its session: shown on the row, kept by an edit, deleted with the session and back with undo', async () => {
    setLang('en');
    const model = await freshModel();
    const store = opened.at(-1)!;
    const stroke = { id: 'nét-1', tool: 'pen' as const, color: '#d62828', size: 0.006, step: -1, points: [0.1, 0.2, 0.5, 0.3, 0.4, 0.5] };
    await store.putInk('class:lớp-12', 'deck-1', '0.0', [stroke]);
    await store.putInk('class:lớp-12', 'deck-1', '3.0', [{ ...stroke, id: 'nét-2' }]);
    await store.putInk('class:khác', 'deck-1', '0.0', [{ ...stroke, id: 'other class' }]);
    await store.createSession({ deckTitle: 'Mực vẽ', date: '2026-03-15', className: 'Lớp có nét vẽ', cohort: 'other', learners: 30, minutes: 45, inkLayer: 'class:lớp-12' });
    await store.createSession({ deckTitle: 'Mực vẽ', date: '2026-03-16', className: 'Lớp không vẽ', cohort: 'other', learners: 30, minutes: 45 });
    await model.reload();

    const view = document.createElement('lectern-sessions') as SessionsView;
    view.model = model;
    document.body.append(view);
    await until(() => (view.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) === 2, 'two rows');
    // Each row's class and its ink badge, in the list's order (newest first).
    const badges = () =>
      [...view.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => `${tr.querySelectorAll('td')[2]!.textContent!.replace(/\s+/g, ' ').trim()}`);
    expect(badges()).toEqual(['Lớp không vẽ', 'Lớp có nét vẽ Has ink']);

    const withInk = model.sessions.find((s) => s.inkLayer)!;
    await model.update(withInk.id, draft({ className: 'Lớp có nét vẽ (sửa)' }));
    expect(model.sessions.find((s) => s.id === withInk.id)?.inkLayer).toBe('class:lớp-12');

    const undo = await model.remove(model.sessions.find((s) => s.id === withInk.id)!);
    expect(await store.listInk('class:lớp-12')).toEqual([]);
    expect((await store.listInk('class:khác')).map((r) => r.strokes[0]!.id)).toEqual(['other class']);
    await until(() => badges().join() === 'Lớp không vẽ', 'badge gone with the row');
    const restored = await undo();
    expect(restored.inkLayer).toBe('class:lớp-12');
    expect((await store.listInk('class:lớp-12')).map((r) => [r.slide, r.strokes[0]!.id])).toEqual([
      ['0.0', 'nét-1'],
      ['3.0', 'nét-2'],
    ]);
    await until(() => badges().includes('Lớp có nét vẽ (sửa) Has ink'), 'badge back');
  });

  it('should count a free-text cohort (as the after-class prompt writes it) under its cohort', async () => {
    const model = await freshModel();
    await model.store.createSession({
      date: '2026-04-01', deckTitle: '', className: 'K1', cohort: 'Cảm tình Đảng', learners: 30, minutes: 45,
    });
    await model.reload();
    expect(model.sessions[0]?.cohort).toBe('candidates');
  });

  it('should save a renamed and an added cohort, and fall back to the built-in list on bad settings', async () => {
    const model = await freshModel();
    expect(model.cohorts.map((c) => c.id)).toEqual(['new-members', 'candidates', 'secretaries', 'specialist', 'other']);
    await model.saveCohorts([...model.cohorts.map((c) => (c.id === 'candidates' ? { ...c, label: 'Cảm tình Đảng' } : c)), { id: 'c-1', label: 'Tin học' }]);
    expect(model.cohorts.find((c) => c.id === 'candidates')?.label).toBe('Cảm tình Đảng');
    expect(model.cohorts.at(-1)).toEqual({ id: 'c-1', label: 'Tin học' });
    // Hostile settings (e.g. from someone else's backup) do not break the screen.
    await model.store.setSetting('cohorts', [{ id: 42 }, 'x', null] as never);
    await model.reload();
    expect(model.cohorts.map((c) => c.id)).toEqual(['new-members', 'candidates', 'secretaries', 'specialist', 'other']);
  });
});

describe('<lectern-sessions>', () => {
  it('should refuse negative learners with a message and store nothing, then save a valid session', async () => {
    setLang('en');
    const model = await freshModel();
    const view = document.createElement('lectern-sessions') as SessionsView;
    view.model = model;
    document.body.append(view);
    const root = () => view.shadowRoot!;
    await until(() => !root().querySelector<HTMLButtonElement>('button.add')?.disabled, 'loaded');
    root().querySelector<HTMLButtonElement>('button.add')!.click();
    await until(() => Boolean(root().querySelector('lectern-session-form')?.shadowRoot?.querySelector('form')), 'form open');
    const form = root().querySelector('lectern-session-form')!.shadowRoot!;
    const fill = (id: string, value: string) => {
      const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    // Every contract label exists and names its field.
    const labels = [...form.querySelectorAll('label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(expect.arrayContaining(['Date', 'Deck', 'Class', 'Cohort', 'Learners', 'Minutes']));
    fill('f-date', '2026-06-30');
    fill('f-learners', '-3');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelector('#e-learners') !== null, 'error shown');
    expect(form.querySelector('#e-learners')?.textContent).toBe('Learners cannot be negative.');
    expect(form.querySelector('#f-learners')?.getAttribute('aria-invalid')).toBe('true');
    expect(await model.store.listSessions()).toHaveLength(0);

    fill('f-learners', '12.5');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelector('#e-learners')?.textContent === 'Learners must be a whole number.', 'integer error');

    fill('f-learners', '41');
    fill('f-className', 'Lớp bí thư chi bộ');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root().querySelectorAll('tbody tr').length === 1, 'row shown');
    const stored = await model.store.listSessions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ date: '2026-06-30', learners: 41, className: 'Lớp bí thư chi bộ', cohort: 'new-members', deckTitle: '' });
    expect(stored[0]?.deckId).toBeUndefined();
    expect(root().querySelector('tbody tr')?.textContent).toContain('30 Jun 2026');
  });

  it('should delete with an undo that brings the session back', async () => {
    setLang('en');
    const model = await freshModel();
    await model.add(draft());
    const toasts: ToastRequest[] = [];
    const listen = (e: ToastEvent) => toasts.push(e.detail);
    window.addEventListener('lectern-toast', listen);
    try {
      const view = document.createElement('lectern-sessions') as SessionsView;
      view.model = model;
      document.body.append(view);
      await until(() => view.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'row');
      view.shadowRoot!.querySelector<HTMLButtonElement>('button.delete')!.click();
      await until(() => view.shadowRoot!.querySelectorAll('tbody tr').length === 0, 'row gone');
      expect(await model.store.listSessions()).toHaveLength(0);
      const toast = toasts.find((t) => t.action);
      expect(toast?.message).toBe('Session deleted.');
      expect(toast?.action?.label).toBe('Undo');
      toast!.action!.run();
      await until(() => view.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'row back');
      expect((await model.store.listSessions())[0]).toMatchObject({ learners: 48, className: 'Lớp đảng viên mới K12' });
    } finally {
      window.removeEventListener('lectern-toast', listen);
    }
  });

  it('should sort by learners and filter by cohort', async () => {
    setLang('en');
    const model = await freshModel();
    await model.add(draft({ learners: 10, cohort: 'other', date: '2026-01-01' }));
    await model.add(draft({ learners: 30, cohort: 'candidates', date: '2026-02-01' }));
    await model.add(draft({ learners: 20, cohort: 'candidates', date: '2026-07-01' }));
    const view = document.createElement('lectern-sessions') as SessionsView;
    view.model = model;
    document.body.append(view);
    const rows = () => [...view.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[4]?.textContent);
    await until(() => rows().length === 3, 'rows');
    expect(rows()).toEqual(['20', '30', '10']); // newest first
    const learnersHeader = [...view.shadowRoot!.querySelectorAll('th')].find((th) => th.textContent?.includes('Learners'))!;
    learnersHeader.querySelector('button')!.click();
    await until(() => rows()[0] === '30', 'sorted');
    expect(rows()).toEqual(['30', '20', '10']);
    expect(learnersHeader.getAttribute('aria-sort')).toBe('descending');
    const cohort = view.shadowRoot!.querySelector<HTMLSelectElement>('#filter-cohort')!;
    cohort.value = 'candidates';
    cohort.dispatchEvent(new Event('change'));
    await until(() => rows().length === 2, 'filtered');
    const period = view.shadowRoot!.querySelector<HTMLSelectElement>('#filter-period')!;
    period.value = '2026-h1';
    period.dispatchEvent(new Event('change'));
    await until(() => rows().length === 1, 'filtered by period');
    expect(location.hash).toBe('#/sessions?period=2026-h1&cohort=candidates');
  });
});

describe('<lectern-report>', () => {
  it('should title the report in Vietnamese with the centre name and the period, and refuse an end before the start', async () => {
    setLang('vi');
    const model = await freshModel();
    await model.store.setSetting('centreName', 'Trung tâm Bồi dưỡng chính trị quận Ba Đình');
    await model.add(draft({ date: '2026-01-01', learners: 1000 }));
    await model.add(draft({ date: '2026-06-30', learners: 212, cohort: 'candidates' }));
    await model.add(draft({ date: '2026-07-01', learners: 5 }));
    history.replaceState(null, '', '#/report?from=2026-01-01&to=2026-06-30');
    const view = document.createElement('lectern-report') as ReportView;
    view.model = model;
    document.body.append(view);
    const root = view.shadowRoot!;
    await until(() => root.querySelector('h1')?.textContent === 'Báo cáo kết quả giảng dạy 6 tháng đầu năm 2026', 'title');
    expect(root.querySelector('.centre')?.textContent).toBe('Trung tâm Bồi dưỡng chính trị quận Ba Đình');
    expect(root.querySelector('[data-total="classes"]')?.textContent).toBe('2');
    expect(root.querySelector('[data-total="learners"]')?.textContent).toBe('1.212');
    expect(root.querySelector('.summary')?.textContent).toBe(
      '2 lớp với 1.212 học viên, trong đó 1 lớp đảng viên mới với 1.000 đảng viên dự bị và 1 lớp đối tượng kết nạp Đảng với 212 quần chúng ưu tú.',
    );
    const svg = root.querySelector('svg[role="img"]')!;
    expect(svg.querySelector('title')?.textContent).toBe('Số học viên theo đối tượng');
    expect(svg.getAttribute('aria-labelledby')).toBe('report-chart-title');
    expect(svg.querySelectorAll('g.bar')).toHaveLength(5);

    const to = root.querySelector<HTMLInputElement>('#r-to')!;
    to.value = '2025-12-31';
    to.dispatchEvent(new Event('change'));
    await until(() => root.querySelector('#r-problems') !== null, 'problem shown');
    expect(root.querySelector('#r-problems')?.textContent).toBe('Ngày kết thúc đứng trước ngày bắt đầu: hãy đổi lại hai ngày.');
    expect(root.querySelector<HTMLButtonElement>('button.csv')?.disabled).toBe(true);
    expect(root.querySelector<HTMLButtonElement>('button.print')?.disabled).toBe(true);
    // Stored data is untouched by a bad period.
    expect(await model.store.listSessions()).toHaveLength(3);

    const preset = root.querySelector<HTMLSelectElement>('#r-preset')!;
    preset.value = 'second-half';
    preset.dispatchEvent(new Event('change'));
    await until(() => root.querySelector('h1')?.textContent === 'Báo cáo kết quả giảng dạy 6 tháng cuối năm 2026', 'second half');
    expect(root.querySelector('[data-total="learners"]')?.textContent).toBe('5');
    expect(location.hash).toBe('#/report?from=2026-07-01&to=2026-12-31');
  });
});

describe('editing an old session', () => {
  it('should keep a cohort that is not in the list when another field is edited', async () => {
    setLang('en');
    const model = await freshModel();
    await opened.at(-1)!.createSession({ date: '2026-02-02', deckTitle: '', className: 'K9', cohort: 'Lớp tin học', learners: 12, minutes: 0 });
    await model.reload();
    const view = document.createElement('lectern-sessions') as SessionsView;
    view.model = model;
    document.body.append(view);
    await until(() => view.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'row');
    view.shadowRoot!.querySelector<HTMLButtonElement>('button.edit')!.click();
    await until(() => Boolean(view.shadowRoot!.querySelector('lectern-session-form')?.shadowRoot?.querySelector('#f-cohort')), 'form');
    const form = view.shadowRoot!.querySelector('lectern-session-form')!.shadowRoot!;
    expect(form.querySelector<HTMLSelectElement>('#f-cohort')!.value).toBe('Lớp tin học');
    const learners = form.querySelector<HTMLInputElement>('#f-learners')!;
    learners.value = '13';
    learners.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => view.shadowRoot!.querySelector('lectern-session-form') === null, 'saved');
    expect((await opened.at(-1)!.listSessions())[0]).toMatchObject({ cohort: 'Lớp tin học', learners: 13 });
  });
});
