// The start script of a deck presented on its own: a `lectern build` site or the app's Offline HTML
// export. Bundled into one classic script (dist/site-runtime.js, an IIFE: file:// blocks module
// scripts) that the page loads after reveal.js's and the notes plugin's UMD files. It gives the page
// the app's speaker view from the same parts present.html uses:
//  - reveal.js reads no configuration from the address and its own postMessage listener is off;
//    the message gate obeys only the speaker view this page opened (or, in a preview, the window
//    that frames it), and only the calls those windows make;
//  - the speaker view's labels in the deck's language (vi/en; `?lang=` may choose), one clock of
//    the lesson (class time, time left, pacing from the planned minutes, wall clock), reveal.js's
//    timer hidden, the discussion countdown (also on the projected slide, keys T and +);
//  - a preview tells its speaker view when it is ready, so "next slide" is right from the start.
import type { RevealApi, RevealConfig, RevealPlugin } from 'reveal.js';
import { ClassClock } from './class-clock.ts';
import { COUNTDOWN_KEYS, countdownState, DiscussionTimers } from './countdown.ts';
import { RUNTIME_MESSAGES, runtimeLang, type RuntimeLang } from './messages.ts';
import { paceAt } from './pace.ts';
import { readyMessage, RevealMessageGate, withoutUrlConfig } from './reveal-gate.ts';
import { renderSpeakerPanel } from './speaker-panel.ts';
import { SpeakerViewBridge } from './speaker-view.ts';
import { parseSiteConfig } from './site-config.ts';

interface RevealGlobals {
  Reveal?: RevealApi;
  RevealNotes?: () => RevealPlugin;
}

function start(): void {
  const globals = window as unknown as RevealGlobals;
  const Reveal = globals.Reveal;
  if (!Reveal) throw new Error('Lectern: reveal.js did not load (_lectern/reveal.js)');
  const params = new URLSearchParams(location.search);
  const receiver = params.has('receiver');
  const printing = /print-pdf/i.test(location.search);
  const config = parseSiteConfig(document.getElementById('lectern-config')?.textContent);
  const lang: RuntimeLang = runtimeLang(params.get('lang')) ?? runtimeLang(config.lang) ?? 'vi';
  const m = RUNTIME_MESSAGES[lang];

  let bridge: SpeakerViewBridge | undefined;
  const gate = new RevealMessageGate((source) =>
    receiver ? source === window.parent && window.parent !== window : source === bridge?.window,
  );

  const revealConfig: RevealConfig = {
    hash: !receiver && config.hash,
    respondToHashChanges: !receiver,
    history: false,
    controls: !receiver,
    progress: !receiver,
    transition: receiver ? 'none' : 'slide',
    backgroundTransition: receiver ? 'none' : 'fade',
    autoSlide: 0,
    showNotes: false,
    // Lectern's gate replaces reveal.js's listener.
    postMessage: false,
    // The speaker view's current-slide preview reports its moves to the speaker view.
    postMessageEvents: receiver && params.get('postMessageEvents') === 'true',
    ...(receiver ? { scrollActivationWidth: 0 } : {}),
    plugins: globals.RevealNotes ? [globals.RevealNotes] : [],
  };

  void withoutUrlConfig(() => Reveal.initialize(revealConfig)).then(() => {
    gate.attach(Reveal);
    if (receiver || printing) {
      // file:// pages have no origin a message can be addressed to; the message holds only indices.
      const target = location.protocol === 'file:' ? '*' : location.origin;
      if (receiver && window.parent !== window) window.parent.postMessage(readyMessage(Reveal), target);
      return;
    }
    const revealEl = document.querySelector<HTMLElement>('.reveal') ?? document.body;
    const clock = new ClassClock(config.deckKey || location.pathname);
    const timers = new DiscussionTimers(revealEl, () => m);
    const clockFormat = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeStyle: 'short' });
    const plan = config.plan;
    const changed = () => bridge?.refresh();
    const actions = {
      toggle: () => timers.toggle(),
      extend: () => timers.extend(1),
      reset: () => timers.reset(),
      changed,
    };
    const handleKeyCode = (keyCode: number): boolean => {
      if (keyCode === COUNTDOWN_KEYS.countdown) actions.toggle();
      else if (keyCode === COUNTDOWN_KEYS.extend || keyCode === COUNTDOWN_KEYS.extendNumpad) actions.extend();
      else return false;
      changed();
      return true;
    };
    bridge = new SpeakerViewBridge({
      render: (doc, root) => {
        const index = Reveal.getSlidePastCount();
        const elapsedSec = clock.elapsedSec();
        renderSpeakerPanel(
          doc,
          root,
          {
            index,
            total: Reveal.getTotalSlides(),
            elapsedSec,
            remainingSec: config.duration ? config.duration * 60 - elapsedSec : undefined,
            pace: paceAt(plan, index, elapsedSec),
            countdown: countdownState(timers.active),
          },
          m,
          actions,
          clockFormat.format(Date.now()),
        );
      },
      handleKey: (event) => (event.ctrlKey || event.metaKey || event.altKey ? false : handleKeyCode(event.keyCode)),
      labels: () => m,
      lang: () => lang,
    });
    Reveal.addKeyBinding({ keyCode: COUNTDOWN_KEYS.countdown, key: 'T', description: m.countdownKeys }, () => void handleKeyCode(COUNTDOWN_KEYS.countdown));
    Reveal.addKeyBinding({ keyCode: COUNTDOWN_KEYS.extend, key: '+', description: m.extend }, () => void handleKeyCode(COUNTDOWN_KEYS.extend));
    Reveal.addKeyBinding({ keyCode: COUNTDOWN_KEYS.extendNumpad, key: '+', description: m.extend }, () => void handleKeyCode(COUNTDOWN_KEYS.extendNumpad));
    timers.onChange(changed);
    Reveal.on('slidechanged', () => {
      timers.showSlide(Reveal.getCurrentSlide());
      changed();
    });
    timers.showSlide(Reveal.getCurrentSlide());
    document.documentElement.dataset.lecternState = 'ready';
  });
}

start();
