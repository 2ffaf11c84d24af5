// handout.html?lectern-deck=<id>[&lectern-notes=1]: the lesson plan of a stored deck, for the
// screen and for A4 print (handout.css). Videos appear as still frames, never as black boxes.
import '../app/tokens.css';
import './handout.css';
import { createSanitizer, parseDeck, planSummary, renderDeck, type Deck, type PlanSummary } from '@lectern/deck';
import { getLang } from '../app/i18n.ts';
import { PRESENT_PARAM } from '../app/routes.ts';
import { clipsByUrl, posterFrame } from '../present/clips.ts';
import { DeckNotFoundError, loadStoredDeck } from '../present/load-deck.ts';
import { handoutMsg } from './messages.ts';
import type { HandoutMedia } from './handout-view.ts';
import './handout-view.ts';
import { errorText } from '../app/error-text.ts';

const params = new URLSearchParams(location.search);
document.documentElement.lang = getLang();

function fail(message: string): void {
  const root = document.getElementById('handout') ?? document.body;
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  root.replaceChildren(p);
  document.documentElement.dataset.lecternState = 'error';
}

async function boot(): Promise<void> {
  const m = handoutMsg();
  const deckId = params.get(PRESENT_PARAM.deck);
  if (!deckId) return fail(m.noDeck);
  let loaded;
  try {
    loaded = await loadStoredDeck(deckId);
  } catch (error) {
    return fail(error instanceof DeckNotFoundError ? m.notFound : m.failed(errorText(error)));
  }
  window.addEventListener('pagehide', () => loaded.release());
  const deck = parseDeck(loaded.record.markdown);
  const sanitize = createSanitizer(window);
  const resolveMedia = (path: string) => loaded.urls.get(path);
  const rendered = renderDeck(deck, { sanitize, resolveMedia });
  const clips = clipsByUrl(deck, resolveMedia);
  const media = await collectMedia(rendered.slides.map((s) => s.index), rendered.slides.map((s) => s.html), clips);
  const view = document.createElement('lectern-handout');
  view.withNotes = params.get('lectern-notes') === '1';
  view.data = { deckId, deck, plan: planOf(deck), media, sanitize, resolveMedia };
  document.getElementById('handout')?.replaceChildren(view);
  await view.updateComplete;
  // Every image decoded before anyone prints (page.pdf in tests, Ctrl+P in class).
  await Promise.all([...view.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  document.documentElement.dataset.lecternState = 'ready';
}

/** planSummary(), with its lists taken from the parsed slides while the deck package's summary
 *  still returns them empty (its placeholder); a complete summary is used as it is. */
function planOf(deck: Deck): PlanSummary {
  const plan = planSummary(deck);
  if (plan.discussions.length || plan.excerpts.length || plan.questions.length) return plan;
  return {
    ...plan,
    discussions: deck.slides.flatMap((s) => s.discussions.map((d) => ({ slide: s.index, ...d }))),
    excerpts: deck.slides.flatMap((s) => s.excerpts.map((e) => ({ slide: s.index, ...e }))),
    questions: deck.slides.flatMap((s) => s.questions.map((q) => ({ slide: s.index, ...q }))),
  };
}

/** Images and video stills of each slide, from the rendered (sanitized) slide HTML. */
async function collectMedia(
  indexes: number[],
  slideHtml: string[],
  clips: Map<string, { start: number; end?: number }>,
): Promise<HandoutMedia[]> {
  const out: HandoutMedia[] = [];
  const template = document.createElement('template');
  for (const [i, htmlText] of slideHtml.entries()) {
    template.innerHTML = htmlText; // already sanitized; a <template> runs nothing and loads nothing
    const slide = indexes[i] ?? i;
    for (const el of template.content.querySelectorAll('img, video, audio')) {
      if (el instanceof HTMLImageElement) {
        out.push({ slide, kind: 'image', src: el.getAttribute('src') ?? undefined, caption: el.alt || (el.getAttribute('src') ?? '') });
      } else if (el instanceof HTMLVideoElement) {
        const src = el.getAttribute('src') ?? el.querySelector('source')?.getAttribute('src') ?? '';
        const clip = clips.get(src.replace(/#.*$/, ''));
        const video = document.createElement('video');
        video.muted = true;
        video.preload = 'auto';
        const poster = el.getAttribute('poster');
        if (poster) video.setAttribute('poster', poster);
        video.src = src;
        const still = await posterFrame(video, clip);
        video.removeAttribute('src');
        video.load();
        const caption = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent?.trim() ?? '';
        out.push({ slide, kind: 'video', src: still, caption: caption || src.replace(/^.*\//, ''), clip });
      } else {
        out.push({ slide, kind: 'audio', caption: el.getAttribute('aria-label') ?? '' });
      }
    }
  }
  return out;
}

boot().catch((error: unknown) => {
  console.error(error);
  fail(handoutMsg().failed(errorText(error)));
});
