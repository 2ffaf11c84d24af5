// Written by Lectern (@lectern/present-runtime, site.ts): the speaker view and the message gate of a presented deck.
"use strict";
(() => {
  // packages/present-runtime/src/class-clock.ts
  var KEY = (deckId) => `lectern.classStart.${deckId}`;
  var ClassClock = class {
    constructor(deckId, now = () => Date.now()) {
      this.deckId = deckId;
      this.now = now;
      const saved = Number(safeGet(KEY(deckId)));
      this.startedAt = Number.isFinite(saved) && saved > 0 && saved <= this.now() ? saved : this.now();
      safeSet(KEY(deckId), String(this.startedAt));
    }
    elapsedSec() {
      return Math.max(0, (this.now() - this.startedAt) / 1e3);
    }
    /** Starts counting again from now (after a confirmation in the UI). */
    reset() {
      this.startedAt = this.now();
      safeSet(KEY(this.deckId), String(this.startedAt));
    }
    /** Forget the start (the class ended). */
    clear() {
      try {
        sessionStorage.removeItem(KEY(this.deckId));
      } catch {
      }
    }
  };
  function safeGet(key) {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  }
  function safeSet(key, value) {
    try {
      sessionStorage.setItem(key, value);
    } catch {
    }
  }

  // packages/present-runtime/src/pace.ts
  function paceAt(plan, index, elapsedSec) {
    const i = Math.max(0, Math.min(index, plan.length - 1));
    const plannedBeforeSec = plan.slice(0, i).reduce((a, b) => a + b, 0);
    const plannedThroughSec = plannedBeforeSec + (plan[i] ?? 0);
    const total = plan.reduce((a, b) => a + b, 0);
    if (total === 0) return { state: "no-plan", deltaSec: 0, plannedBeforeSec, plannedThroughSec };
    if (elapsedSec < plannedBeforeSec) {
      return { state: "ahead", deltaSec: plannedBeforeSec - elapsedSec, plannedBeforeSec, plannedThroughSec };
    }
    if (elapsedSec > plannedThroughSec) {
      return { state: "behind", deltaSec: elapsedSec - plannedThroughSec, plannedBeforeSec, plannedThroughSec };
    }
    return { state: "on-time", deltaSec: 0, plannedBeforeSec, plannedThroughSec };
  }
  function formatDuration(totalSec) {
    const sec = Math.max(0, Math.floor(totalSec));
    const h = Math.floor(sec / 3600);
    const m = Math.floor(sec % 3600 / 60);
    const s = sec % 60;
    const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
    return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
  }
  function remainingText(sec) {
    return sec < 0 ? `\u2212${formatDuration(-sec)}` : formatDuration(sec);
  }
  function paceText(pace, m) {
    switch (pace.state) {
      case "ahead":
        return m.ahead(formatDuration(pace.deltaSec));
      case "behind":
        return m.behind(formatDuration(pace.deltaSec));
      case "on-time":
        return m.onTime;
      case "no-plan":
        return m.noPlan;
    }
  }

  // packages/present-runtime/src/countdown.ts
  var Countdown = class {
    // set while running
    constructor(totalMs, now = () => performance.now()) {
      this.totalMs = totalMs;
      this.now = now;
      this.remainingAtMark = totalMs;
    }
    get running() {
      return this.markedAt !== void 0;
    }
    remainingMs() {
      if (this.markedAt === void 0) return Math.max(0, this.remainingAtMark);
      return Math.max(0, this.remainingAtMark - (this.now() - this.markedAt));
    }
    get ended() {
      return this.remainingMs() <= 0;
    }
    start() {
      if (this.running || this.ended) return;
      this.markedAt = this.now();
    }
    pause() {
      if (!this.running) return;
      this.remainingAtMark = this.remainingMs();
      this.markedAt = void 0;
    }
    toggle() {
      if (this.running) this.pause();
      else this.start();
    }
    /** Adds time; an ended countdown gets the extra time and keeps its running state off. */
    extend(ms) {
      const wasRunning = this.running && !this.ended;
      this.remainingAtMark = this.remainingMs() + ms;
      this.markedAt = wasRunning ? this.now() : void 0;
    }
    reset() {
      this.remainingAtMark = this.totalMs;
      this.markedAt = void 0;
    }
  };
  var COUNTDOWN_CSS = `
.lectern-countdown {
  position: absolute;
  top: 1.2vmin;
  right: 1.2vmin;
  z-index: 30;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  padding: 0.6vmin 1.6vmin;
  border-radius: 1vmin;
  background: rgb(20 20 20 / 0.82);
  color: #fff;
  font-family: var(--r-main-font, 'Source Sans Pro', sans-serif);
  font-variant-numeric: tabular-nums;
  line-height: 1.15;
  pointer-events: none;
}
.lectern-countdown[hidden] { display: none; }
.lectern-countdown .label { font-size: 2.2vmin; opacity: 0.9; }
.lectern-countdown .value { font-size: 6vmin; font-weight: 700; }
.lectern-countdown[data-state='paused'] .value { opacity: 0.75; }
.lectern-countdown.ended { background: #7a4a00; animation: lectern-ended 1.6s ease-in-out 3; }
@keyframes lectern-ended {
  50% { background: #b36b00; }
}
@media print { .lectern-countdown { display: none !important; } }
`;
  function ensureStyle(doc) {
    if (doc.getElementById("lectern-countdown-style")) return;
    const style = doc.createElement("style");
    style.id = "lectern-countdown-style";
    style.textContent = COUNTDOWN_CSS;
    doc.head.append(style);
  }
  var COUNTDOWN_KEYS = {
    countdown: 84,
    extend: 187,
    extendNumpad: 107
  };
  function countdownState(info) {
    if (!info) return void 0;
    const { countdown } = info;
    return { remainingMs: countdown.remainingMs(), running: countdown.running, ended: countdown.ended, minutes: info.minutes, groups: info.groups };
  }
  var RE_NUMBER = /^\d+(?:\.\d+)?$/;
  var DiscussionTimers = class {
    /** `labels()` gives the text in the UI language (read on every render: the language may change). */
    constructor(host, labels) {
      this.host = host;
      this.labels = labels;
      this.timers = /* @__PURE__ */ new WeakMap();
      this.listeners = /* @__PURE__ */ new Set();
      this.chimed = /* @__PURE__ */ new WeakSet();
      /** What was last told to a screen reader about each countdown (see announceChanges). */
      this.told = /* @__PURE__ */ new WeakMap();
      /** Says a sentence politely to a screen reader (the presenting page's announcer). */
      this.announce = () => void 0;
      ensureStyle(document);
      this.widget = document.createElement("div");
      this.widget.className = "lectern-countdown";
      this.widget.hidden = true;
      this.widget.setAttribute("role", "timer");
      this.widget.setAttribute("aria-live", "off");
      host.appendChild(this.widget);
    }
    /** Call on every slide change with the slide now shown. */
    showSlide(slide) {
      const block = slide?.querySelector(".discussion[data-minutes]");
      this.current = block ? this.infoFor(block) : void 0;
      this.render();
    }
    infoFor(block) {
      let info = this.timers.get(block);
      if (!info) {
        const minutesText = block.getAttribute("data-minutes") ?? "";
        const minutes = RE_NUMBER.test(minutesText) ? Number(minutesText) : NaN;
        if (!(minutes > 0)) return void 0;
        const groupsText = block.getAttribute("data-groups") ?? "";
        const groups = /^\d+$/.test(groupsText) && Number(groupsText) > 0 ? Number(groupsText) : void 0;
        info = { minutes, groups, countdown: new Countdown(Math.round(minutes * 6e4)) };
        this.timers.set(block, info);
      }
      return info;
    }
    get active() {
      return this.current;
    }
    toggle() {
      this.current?.countdown.toggle();
      this.changed();
    }
    extend(minutes = 1) {
      if (!this.current) return;
      this.current.countdown.extend(minutes * 6e4);
      this.chimed.delete(this.current.countdown);
      this.changed();
    }
    reset() {
      if (!this.current) return;
      this.current.countdown.reset();
      this.chimed.delete(this.current.countdown);
      this.changed();
    }
    onChange(listener) {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    }
    changed() {
      this.render();
    }
    render() {
      const info = this.current;
      const m = this.labels();
      if (!info) {
        this.widget.hidden = true;
        this.stopTicker();
        this.notify();
        return;
      }
      const { countdown } = info;
      const remaining = countdown.remainingMs();
      const ended = countdown.ended;
      this.widget.hidden = false;
      this.widget.classList.toggle("running", countdown.running && !ended);
      this.widget.classList.toggle("ended", ended);
      this.widget.dataset.remainingMs = String(Math.round(remaining));
      this.widget.dataset.state = ended ? "ended" : countdown.running ? "running" : "paused";
      const time = ended ? m.timeUp : formatDuration(Math.ceil(remaining / 1e3));
      const groups = info.groups ? ` \xB7 ${m.groups(info.groups)}` : "";
      this.widget.innerHTML = "";
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = `${m.discussion}${groups}`;
      const value = document.createElement("span");
      value.className = "value";
      value.textContent = time;
      this.widget.append(label, value);
      this.widget.title = m.countdownKeys;
      this.announceChanges(countdown);
      if (ended && !this.chimed.has(countdown)) {
        this.chimed.add(countdown);
        this.announce(m.countdownEnded);
        playQuietChime();
      }
      if (countdown.running && !ended) this.startTicker();
      else this.stopTicker();
      this.notify();
    }
    /** Start and one minute left, each once (the end goes with the chime). Not every second: a
     *  live timer read aloud would drown the lesson. */
    announceChanges(countdown) {
      const m = this.labels();
      const remaining = countdown.remainingMs();
      const running = countdown.running && !countdown.ended;
      const told = this.told.get(countdown) ?? { running: false, oneMinute: remaining <= 6e4 };
      if (running && !told.running) this.announce(m.countdownStarted(formatDuration(Math.ceil(remaining / 1e3))));
      told.running = running;
      if (running && remaining <= 6e4 && !told.oneMinute) this.announce(m.countdownOneMinute);
      if (remaining > 6e4) told.oneMinute = false;
      else if (running) told.oneMinute = true;
      this.told.set(countdown, told);
    }
    notify() {
      for (const listener of this.listeners) listener();
    }
    startTicker() {
      if (this.ticker !== void 0) return;
      this.ticker = window.setInterval(() => this.render(), 250);
    }
    stopTicker() {
      if (this.ticker === void 0) return;
      window.clearInterval(this.ticker);
      this.ticker = void 0;
    }
    destroy() {
      this.stopTicker();
      this.widget.remove();
      this.listeners.clear();
    }
  };
  var audio;
  function playQuietChime() {
    try {
      audio ?? (audio = new AudioContext());
      const at = audio.currentTime;
      for (const [i, freq] of [660, 880].entries()) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = "sine";
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(1e-4, at + i * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.05, at + i * 0.35 + 0.05);
        gain.gain.exponentialRampToValueAtTime(1e-4, at + i * 0.35 + 0.6);
        osc.connect(gain).connect(audio.destination);
        osc.start(at + i * 0.35);
        osc.stop(at + i * 0.35 + 0.65);
      }
    } catch {
    }
  }

  // packages/present-runtime/src/messages.ts
  var vi = {
    discussion: "Th\u1EA3o lu\u1EADn",
    groups: (n) => `${n} nh\xF3m`,
    start: "B\u1EAFt \u0111\u1EA7u",
    pause: "T\u1EA1m d\u1EEBng",
    extend: "+1 ph\xFAt",
    reset: "\u0110\u1EB7t l\u1EA1i",
    timeUp: "H\u1EBFt gi\u1EDD",
    countdownKeys: "T: b\u1EAFt \u0111\u1EA7u/t\u1EA1m d\u1EEBng \xB7 +: th\xEAm 1 ph\xFAt",
    elapsed: "\u0110\xE3 d\u1EA1y",
    remaining: "C\xF2n l\u1EA1i",
    clock: "Gi\u1EDD",
    ahead: (m) => `S\u1EDBm ${m}`,
    behind: (m) => `Ch\u1EADm ${m}`,
    onTime: "\u0110\xFAng ti\u1EBFn \u0111\u1ED9",
    noPlan: "Ch\u01B0a c\xF3 th\u1EDDi l\u01B0\u1EE3ng d\u1EF1 ki\u1EBFn",
    next: "Trang chi\u1EBFu ti\u1EBFp theo",
    notes: "Ghi ch\xFA",
    lecternPanel: "Lectern: ti\u1EBFn \u0111\u1ED9 v\xE0 th\u1EA3o lu\u1EADn",
    speakerTitle: "M\xE0n h\xECnh gi\u1EA3ng vi\xEAn \xB7 Lectern",
    speakerLoading: "\u0110ang m\u1EDF m\xE0n h\xECnh gi\u1EA3ng vi\xEAn\u2026",
    speakerConnectError: "Kh\xF4ng k\u1EBFt n\u1ED1i \u0111\u01B0\u1EE3c v\u1EDBi c\u1EEDa s\u1ED5 tr\xECnh chi\u1EBFu. H\xE3y \u0111\xF3ng c\u1EEDa s\u1ED5 n\xE0y v\xE0 b\u1EA5m S l\u1EA7n n\u1EEFa.",
    speakerCrossOrigin: "M\xE0n h\xECnh gi\u1EA3ng vi\xEAn ch\u1EC9 m\u1EDF \u0111\u01B0\u1EE3c t\u1EEB ch\xEDnh trang tr\xECnh chi\u1EBFu.",
    speakerLayout: "B\u1ED1 c\u1EE5c",
    layoutDefault: "M\u1EB7c \u0111\u1ECBnh",
    layoutWide: "Ngang",
    layoutTall: "D\u1ECDc",
    layoutNotesOnly: "Ch\u1EC9 ghi ch\xFA",
    slideOf: (a, b) => `Trang chi\u1EBFu ${a}/${b}`,
    countdownStarted: (time) => `B\u1EAFt \u0111\u1EA7u th\u1EA3o lu\u1EADn, c\xF2n ${time}`,
    countdownOneMinute: "Th\u1EA3o lu\u1EADn: c\xF2n m\u1ED9t ph\xFAt",
    countdownEnded: "H\u1EBFt gi\u1EDD th\u1EA3o lu\u1EADn"
  };
  var en = {
    discussion: "Discussion",
    groups: (n) => `${n} groups`,
    start: "Start",
    pause: "Pause",
    extend: "+1 min",
    reset: "Reset",
    timeUp: "Time is up",
    countdownKeys: "T: start/pause \xB7 +: one more minute",
    elapsed: "Elapsed",
    remaining: "Left",
    clock: "Time",
    ahead: (m) => `${m} ahead`,
    behind: (m) => `${m} behind`,
    onTime: "On time",
    noPlan: "No planned timing",
    next: "Next slide",
    notes: "Notes",
    lecternPanel: "Lectern: pacing and discussion",
    speakerTitle: "Speaker view \xB7 Lectern",
    speakerLoading: "Opening the speaker view\u2026",
    speakerConnectError: "Cannot reach the presenting window. Close this window and press S again.",
    speakerCrossOrigin: "The speaker view can only be opened from the presenting page itself.",
    speakerLayout: "Layout",
    layoutDefault: "Default",
    layoutWide: "Wide",
    layoutTall: "Tall",
    layoutNotesOnly: "Notes only",
    slideOf: (a, b) => `Slide ${a}/${b}`,
    countdownStarted: (time) => `Discussion started, ${time} left`,
    countdownOneMinute: "Discussion: one minute left",
    countdownEnded: "Discussion time is up"
  };
  var RUNTIME_MESSAGES = { vi, en };
  function runtimeLang(tag) {
    const base = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
    return base === "vi" || base === "en" ? base : void 0;
  }

  // packages/present-runtime/src/reveal-gate.ts
  var MESSAGE_METHODS = ["setState", "next", "triggerKey"];
  function parseRevealCall(data) {
    if (typeof data !== "string" || !data.startsWith("{")) return void 0;
    let parsed;
    try {
      parsed = JSON.parse(data);
    } catch {
      return void 0;
    }
    if (!parsed || typeof parsed !== "object") return void 0;
    const { method, args } = parsed;
    if (typeof method !== "string" || !MESSAGE_METHODS.includes(method)) return void 0;
    if (args !== void 0 && !Array.isArray(args)) return void 0;
    return { method, args: args ?? [] };
  }
  function fromOwnOrigin(event) {
    if (event.origin === location.origin) return true;
    return location.protocol === "file:" && event.origin === "null";
  }
  var RevealMessageGate = class {
    /** `trusted(source)` says whether a same-origin window is one of Lectern's own. */
    constructor(trusted) {
      this.trusted = trusted;
      this.queue = [];
      this.dropForeign = (event) => {
        if (!fromOwnOrigin(event)) event.stopImmediatePropagation();
      };
      this.handle = (event) => {
        if (!fromOwnOrigin(event) || !event.source || !this.trusted(event.source)) return;
        const call = parseRevealCall(event.data);
        if (!call) return;
        if (this.reveal) this.apply(this.reveal, call);
        else this.queue.push(call);
      };
      window.addEventListener("message", this.dropForeign, true);
      window.addEventListener("message", this.handle);
    }
    apply(reveal, call) {
      switch (call.method) {
        case "setState": {
          const state = call.args[0];
          if (state && typeof state === "object") reveal.setState(state);
          break;
        }
        case "next":
          reveal.next();
          break;
        case "triggerKey":
          if (typeof call.args[0] === "number") reveal.triggerKey(call.args[0]);
          break;
      }
    }
    /** reveal.js is ready: apply what came before, in order, and everything after at once. */
    attach(reveal) {
      this.reveal = reveal;
      for (const call of this.queue.splice(0)) this.apply(reveal, call);
    }
    destroy() {
      window.removeEventListener("message", this.dropForeign, true);
      window.removeEventListener("message", this.handle);
    }
  };
  var REVEAL_FLAGS = ["receiver", "print-pdf"];
  function withoutUrlConfig(start2) {
    const original = location.href;
    const params = new URLSearchParams(location.search);
    const kept = REVEAL_FLAGS.filter((flag) => params.has(flag));
    const bare = `${location.pathname}${kept.length ? `?${kept.join("&")}` : ""}${location.hash}`;
    history.replaceState(history.state, "", bare);
    try {
      return start2();
    } finally {
      history.replaceState(history.state, "", original);
    }
  }
  function readyMessage(reveal) {
    return JSON.stringify({ namespace: "reveal", eventName: "ready", state: reveal.getState() });
  }

  // packages/present-runtime/src/speaker-panel.ts
  function renderSpeakerPanel(doc, root, s, m, actions, clockText) {
    const el = (tag, text, className = "") => {
      const node = doc.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      return node;
    };
    const button = (text, action, run) => {
      const node = el("button", text);
      node.dataset.action = action;
      node.addEventListener("click", () => {
        run();
        actions.changed();
      });
      return node;
    };
    root.replaceChildren();
    root.append(el("h4", m.lecternPanel));
    const times = el("div", "", "row");
    times.append(el("span", `${m.elapsed}:`), el("span", formatDuration(s.elapsedSec), "big elapsed"));
    if (s.remainingSec !== void 0) {
      times.append(el("span", `${m.remaining}:`), el("span", remainingText(s.remainingSec), `big remaining ${s.remainingSec < 0 ? "behind" : ""}`));
    }
    times.append(el("span", `${m.clock}:`), el("span", clockText, "big clock"));
    times.append(el("span", m.slideOf(s.index + 1, s.total)));
    root.append(times);
    root.append(el("div", paceText(s.pace, m), `row pace ${s.pace.state}`));
    if (s.countdown) {
      const c = s.countdown;
      const row = el("div", "", "row countdown");
      const groups = c.groups ? ` \xB7 ${m.groups(c.groups)}` : "";
      row.append(el("span", `${m.discussion}${groups}:`));
      row.append(el("span", c.ended ? m.timeUp : formatDuration(Math.ceil(c.remainingMs / 1e3)), `big ${c.ended ? "ended" : ""}`));
      root.append(row);
      const buttons = el("div", "", "row");
      buttons.append(
        button(c.running ? m.pause : m.start, "toggle", () => actions.toggle()),
        button(m.extend, "extend", () => actions.extend()),
        button(m.reset, "reset", () => actions.reset())
      );
      root.append(buttons);
    }
  }

  // packages/present-runtime/src/speaker-i18n.ts
  function layoutName(value, m) {
    const names = {
      default: m.layoutDefault,
      wide: m.layoutWide,
      tall: m.layoutTall,
      "notes-only": m.layoutNotesOnly
    };
    return names[value];
  }
  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }
  function translateLive(doc, m) {
    const dropdown = doc.querySelector(".speaker-layout-dropdown");
    const name = dropdown ? layoutName(dropdown.value, m) : void 0;
    setText(doc.querySelector(".speaker-layout-label"), name ? `${m.speakerLayout}: ${name}` : m.speakerLayout);
    const status = doc.querySelector("#connection-status");
    const said = status?.textContent ?? "";
    if (/cross origin/i.test(said)) setText(status, m.speakerCrossOrigin);
    else if (/error connecting/i.test(said)) setText(status, m.speakerConnectError);
    else if (/loading speaker view/i.test(said)) setText(status, m.speakerLoading);
  }
  function translateSpeakerView(popup, m, lang) {
    const doc = popup.document;
    if (!doc.querySelector("#speaker-controls")) return void 0;
    doc.documentElement.lang = lang;
    doc.title = m.speakerTitle;
    setText(doc.querySelector("#upcoming-slide > .label"), m.next);
    setText(doc.querySelector(".speaker-controls-notes > h4.label"), m.notes);
    for (const option of doc.querySelectorAll(".speaker-layout-dropdown option")) {
      const name = layoutName(option.value, m);
      if (name) setText(option, name);
    }
    translateLive(doc, m);
    const Observer = popup.MutationObserver;
    const observer = new Observer(() => translateLive(doc, m));
    for (const selector of [".speaker-layout-label", "#connection-status"]) {
      const el = doc.querySelector(selector);
      if (el) observer.observe(el, { childList: true, characterData: true, subtree: true });
    }
    return observer;
  }

  // packages/present-runtime/src/speaker-view.ts
  var NOTES_WINDOW_NAME = "reveal.js - Notes";
  var SpeakerViewBridge = class {
    constructor(model) {
      this.model = model;
      /** Marks the panel this page put in the popup; a panel left by an earlier load is stale. */
      this.owner = Math.random().toString(36).slice(2);
      this.handleHeartbeat = (event) => {
        if (typeof event.data !== "string" || !event.data.includes('"heartbeat"')) return;
        const source = event.source;
        if (!source || source === this.window) return;
        try {
          if (source.location.origin !== window.location.origin || source.name !== NOTES_WINDOW_NAME) return;
          const data = JSON.parse(event.data);
          if (data.namespace !== "reveal-notes" || data.type !== "heartbeat") return;
        } catch {
          return;
        }
        this.popup = source;
        this.enhance(source);
      };
      window.addEventListener("message", this.handleHeartbeat);
      this.originalOpen = window.open;
      const bridge = this;
      window.open = function(...args) {
        const opened = bridge.originalOpen.apply(this, args);
        if (opened && args[1] === NOTES_WINDOW_NAME) {
          bridge.popup = opened;
          window.setTimeout(() => bridge.enhance(opened), 0);
        }
        return opened;
      };
    }
    get window() {
      return this.popup && !this.popup.closed ? this.popup : void 0;
    }
    enhance(popup) {
      const doc = popup.document;
      if (!doc.querySelector("#speaker-controls")) {
        if (!popup.closed) window.setTimeout(() => this.enhance(popup), 50);
        return;
      }
      const existing = doc.getElementById("lectern-panel");
      if (existing?.dataset.owner === this.owner) return;
      existing?.remove();
      doc.getElementById("lectern-panel-style")?.remove();
      translateSpeakerView(popup, this.model.labels(), this.model.lang());
      popup.addEventListener(
        "keydown",
        (event) => {
          if (this.model.handleKey(event)) {
            event.stopImmediatePropagation();
            event.preventDefault();
          }
        },
        true
      );
      const style = doc.createElement("style");
      style.id = "lectern-panel-style";
      style.textContent = PANEL_CSS;
      doc.head.append(style);
      const panel = doc.createElement("div");
      panel.id = "lectern-panel";
      panel.dataset.owner = this.owner;
      const controls = doc.querySelector("#speaker-controls");
      controls?.insertBefore(panel, controls.querySelector(".speaker-controls-notes"));
      const update = () => {
        if (popup.closed) {
          window.clearInterval(this.timer);
          this.timer = void 0;
          return;
        }
        this.model.render(doc, panel);
      };
      update();
      window.clearInterval(this.timer);
      this.timer = window.setInterval(update, 500);
    }
    /** Redraw now (after a key or a button changed something). */
    refresh() {
      const popup = this.window;
      const panel = popup?.document.getElementById("lectern-panel");
      if (popup && panel) this.model.render(popup.document, panel);
    }
    destroy() {
      window.removeEventListener("message", this.handleHeartbeat);
      window.clearInterval(this.timer);
      window.open = this.originalOpen;
    }
  };
  var PANEL_CSS = `
#speaker-controls .speaker-controls-time { display: none !important; }
#lectern-panel { padding: 10px 16px; border-bottom: 1px solid #ddd; color: #222;
  font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif; }
#lectern-panel h4 { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; color: #555; }
#lectern-panel .row { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; margin: 4px 0; font-size: 16px; }
#lectern-panel .big { font-size: 28px; font-variant-numeric: tabular-nums; }
#lectern-panel .ahead { color: #1b6e3a; } #lectern-panel .behind { color: #b00020; }
#lectern-panel .ended { color: #8a5a00; }
#lectern-panel button { font: inherit; font-size: 15px; padding: 4px 12px; margin-right: 4px;
  background: #f4f4f4; color: #222; border: 1px solid #888; border-radius: 4px; cursor: pointer; }
#lectern-panel button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 1px; }
`;

  // packages/present-runtime/src/site-config.ts
  function parseSiteConfig(text) {
    let raw;
    try {
      raw = JSON.parse(text || "{}");
    } catch {
      raw = {};
    }
    const value = raw && typeof raw === "object" ? raw : {};
    const plan = Array.isArray(value.plan) && value.plan.every((s) => typeof s === "number" && Number.isFinite(s) && s >= 0) ? value.plan : [];
    const duration = typeof value.duration === "number" && Number.isFinite(value.duration) && value.duration > 0 ? value.duration : void 0;
    return {
      hash: value.hash !== false,
      plan,
      ...typeof value.lang === "string" ? { lang: value.lang } : {},
      ...duration !== void 0 ? { duration } : {},
      ...typeof value.deckKey === "string" ? { deckKey: value.deckKey } : {}
    };
  }

  // packages/present-runtime/src/site.ts
  function start() {
    const globals = window;
    const Reveal = globals.Reveal;
    if (!Reveal) throw new Error("Lectern: reveal.js did not load (_lectern/reveal.js)");
    const params = new URLSearchParams(location.search);
    const receiver = params.has("receiver");
    const printing = /print-pdf/i.test(location.search);
    const config = parseSiteConfig(document.getElementById("lectern-config")?.textContent);
    const lang = runtimeLang(params.get("lang")) ?? runtimeLang(config.lang) ?? "vi";
    const m = RUNTIME_MESSAGES[lang];
    let bridge;
    const gate = new RevealMessageGate(
      (source) => receiver ? source === window.parent && window.parent !== window : source === bridge?.window
    );
    const revealConfig = {
      hash: !receiver && config.hash,
      respondToHashChanges: !receiver,
      history: false,
      controls: !receiver,
      progress: !receiver,
      transition: receiver ? "none" : "slide",
      backgroundTransition: receiver ? "none" : "fade",
      autoSlide: 0,
      showNotes: false,
      // Lectern's gate replaces reveal.js's listener.
      postMessage: false,
      // The speaker view's current-slide preview reports its moves to the speaker view.
      postMessageEvents: receiver && params.get("postMessageEvents") === "true",
      ...receiver ? { scrollActivationWidth: 0 } : {},
      plugins: globals.RevealNotes ? [globals.RevealNotes] : []
    };
    void withoutUrlConfig(() => Reveal.initialize(revealConfig)).then(() => {
      gate.attach(Reveal);
      if (receiver || printing) {
        const target = location.protocol === "file:" ? "*" : location.origin;
        if (receiver && window.parent !== window) window.parent.postMessage(readyMessage(Reveal), target);
        return;
      }
      const revealEl = document.querySelector(".reveal") ?? document.body;
      const clock = new ClassClock(config.deckKey || location.pathname);
      const timers = new DiscussionTimers(revealEl, () => m);
      const clockFormat = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { timeStyle: "short" });
      const plan = config.plan;
      const changed = () => bridge?.refresh();
      const actions = {
        toggle: () => timers.toggle(),
        extend: () => timers.extend(1),
        reset: () => timers.reset(),
        changed
      };
      const handleKeyCode = (keyCode) => {
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
              remainingSec: config.duration ? config.duration * 60 - elapsedSec : void 0,
              pace: paceAt(plan, index, elapsedSec),
              countdown: countdownState(timers.active)
            },
            m,
            actions,
            clockFormat.format(Date.now())
          );
        },
        handleKey: (event) => event.ctrlKey || event.metaKey || event.altKey ? false : handleKeyCode(event.keyCode),
        labels: () => m,
        lang: () => lang
      });
      Reveal.addKeyBinding({ keyCode: COUNTDOWN_KEYS.countdown, key: "T", description: m.countdownKeys }, () => void handleKeyCode(COUNTDOWN_KEYS.countdown));
      Reveal.addKeyBinding({ keyCode: COUNTDOWN_KEYS.extend, key: "+", description: m.extend }, () => void handleKeyCode(COUNTDOWN_KEYS.extend));
      Reveal.addKeyBinding({ keyCode: COUNTDOWN_KEYS.extendNumpad, key: "+", description: m.extend }, () => void handleKeyCode(COUNTDOWN_KEYS.extendNumpad));
      timers.onChange(changed);
      Reveal.on("slidechanged", () => {
        timers.showSlide(Reveal.getCurrentSlide());
        changed();
      });
      timers.showSlide(Reveal.getCurrentSlide());
      document.documentElement.dataset.lecternState = "ready";
    });
  }
  start();
})();
