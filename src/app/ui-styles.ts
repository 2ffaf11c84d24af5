// Shared component styles for screens: `static override styles = [uiStyles, css`…`]`.
// Uses the custom properties of src/app/app.css, so every screen looks like one app.
import { css } from 'lit';

export const uiStyles = css`
  :host {
    font-family: var(--lectern-font);
    line-height: var(--lectern-line-height);
    color: var(--lectern-text);
  }
  h1, h2, h3 { line-height: 1.3; margin: 0 0 var(--lectern-space-3); }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.25rem; }
  a { color: var(--lectern-accent); }
  /* The browser's own monospace (DejaVu Sans Mono on Linux) draws ề, ế, ồ… as loose marks. */
  code, kbd, pre { font-family: var(--lectern-font-mono); }
  :focus-visible { outline: 3px solid var(--lectern-focus); outline-offset: 2px; }
  /* Shadow roots do not get app.css's page-wide border-box rule: without it, fields (padding
     and border outside their min-height) stood taller than selects and buttons beside them. */
  button, .button, input, select, textarea { box-sizing: border-box; }
  button, .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: var(--lectern-space-2);
    min-height: 2.5rem;
    padding: 0 var(--lectern-space-3);
    border: 1px solid var(--lectern-border);
    border-radius: var(--lectern-radius);
    background: var(--lectern-surface);
    color: var(--lectern-text);
    cursor: pointer;
    text-decoration: none;
  }
  button:hover, .button:hover { background: var(--lectern-surface-2); }
  button.primary, .button.primary {
    background: var(--lectern-accent);
    border-color: var(--lectern-accent);
    color: var(--lectern-accent-text);
  }
  button.danger { color: var(--lectern-danger); border-color: currentColor; }
  button[disabled] { opacity: 0.55; cursor: not-allowed; }
  input, select, textarea {
    font: inherit;
    min-height: 2.5rem;
    padding: var(--lectern-space-1) var(--lectern-space-2);
    border: 1px solid var(--lectern-border);
    border-radius: var(--lectern-radius);
    background: var(--lectern-surface);
    color: var(--lectern-text);
  }
  label { display: inline-flex; flex-direction: column; gap: var(--lectern-space-1); }
  .card {
    background: var(--lectern-surface);
    border: 1px solid var(--lectern-border);
    border-radius: var(--lectern-radius);
    box-shadow: var(--lectern-shadow);
    padding: var(--lectern-space-3);
  }
  .muted { color: var(--lectern-muted); }
  .error { color: var(--lectern-danger); }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap;
    /* Also on inputs and buttons, whose padding, border and min-height above would keep a box. */
    min-height: 0; padding: 0; border: 0; margin: -1px;
  }
`;
