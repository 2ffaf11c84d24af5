// Lectern's panel inside reveal.js's speaker view: the one clock of the lesson (class time, time
// left, pacing, wall clock, slide number) and the discussion countdown with its buttons. Built
// with DOM calls in the popup's document from a plain state, so the app's presenting page and a
// built site's runtime draw the same panel from their own models.
import type { CountdownState } from './countdown.ts';
import type { RuntimeMessages } from './messages.ts';
import { formatDuration, paceText, remainingText, type Pace } from './pace.ts';

export interface PanelState {
  /** Slides before the current one (reveal.js's past count) and the total. */
  index: number;
  total: number;
  elapsedSec: number;
  /** Lesson time left (deck `duration` minus elapsed; negative once over), when planned. */
  remainingSec?: number;
  pace: Pace;
  countdown?: CountdownState;
}

export interface PanelActions {
  toggle(): void;
  extend(): void;
  reset(): void;
  /** Called after any button did its work (redraw everything that shows the state). */
  changed(): void;
}

export function renderSpeakerPanel(
  doc: Document,
  root: HTMLElement,
  s: PanelState,
  m: RuntimeMessages,
  actions: PanelActions,
  /** The wall clock as the UI language writes it (Intl). */
  clockText: string,
): void {
  const el = (tag: string, text: string, className = '') => {
    const node = doc.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const button = (text: string, action: string, run: () => void) => {
    const node = el('button', text);
    node.dataset.action = action;
    node.addEventListener('click', () => {
      run();
      actions.changed();
    });
    return node;
  };
  root.replaceChildren();
  root.append(el('h4', m.lecternPanel));
  const times = el('div', '', 'row');
  times.append(el('span', `${m.elapsed}:`), el('span', formatDuration(s.elapsedSec), 'big elapsed'));
  if (s.remainingSec !== undefined) {
    times.append(el('span', `${m.remaining}:`), el('span', remainingText(s.remainingSec), `big remaining ${s.remainingSec < 0 ? 'behind' : ''}`));
  }
  times.append(el('span', `${m.clock}:`), el('span', clockText, 'big clock'));
  times.append(el('span', m.slideOf(s.index + 1, s.total)));
  root.append(times);
  root.append(el('div', paceText(s.pace, m), `row pace ${s.pace.state}`));
  if (s.countdown) {
    const c = s.countdown;
    const row = el('div', '', 'row countdown');
    const groups = c.groups ? ` · ${m.groups(c.groups)}` : '';
    row.append(el('span', `${m.discussion}${groups}:`));
    row.append(el('span', c.ended ? m.timeUp : formatDuration(Math.ceil(c.remainingMs / 1000)), `big ${c.ended ? 'ended' : ''}`));
    root.append(row);
    const buttons = el('div', '', 'row');
    buttons.append(
      button(c.running ? m.pause : m.start, 'toggle', () => actions.toggle()),
      button(m.extend, 'extend', () => actions.extend()),
      button(m.reset, 'reset', () => actions.reset()),
    );
    root.append(buttons);
  }
}
