// The modal question the import, restore and Office import dialogs ask: open() shows the
// <dialog> and resolves once with the user's answer; Esc is the same as Cancel. Subclasses
// render the question and call decide(). askAfter() keeps what its check found in `preview`
// (undefined while checking), which the import and restore dialogs render.
import { LitElement, css, type PropertyDeclarations } from 'lit';
import { uiStyles } from './ui-styles.ts';

export abstract class ChoiceDialog<Decision extends string, Preview = never> extends LitElement {
  static override properties: PropertyDeclarations = {
    fileName: { attribute: false },
    preview: { attribute: false },
  };

  /** The shared look: the app's controls and a right-aligned row of answer buttons. */
  static readonly baseStyles = [
    uiStyles,
    css`
      .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; justify-content: flex-end; margin-top: 1rem; }
    `,
  ];

  declare fileName: string;
  /** What askAfter()'s check found; undefined while it runs. */
  declare preview: Preview | undefined;
  private resolveDecision: ((decision: Decision | 'cancel') => void) | undefined;

  constructor() {
    super();
    this.fileName = '';
    this.preview = undefined;
  }

  /** Opens the dialog about `fileName`; resolves with the user's answer. */
  open(fileName: string): Promise<Decision | 'cancel'> {
    this.fileName = fileName;
    return new Promise((resolve) => {
      this.resolveDecision = resolve;
      void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
    });
  }

  /** Opens the dialog while `check` runs (its checking state), shows the result as `preview`, and
   *  resolves with it and the user's answer; undefined when the user cancelled, during the check
   *  too (its result is then dropped). A failed check rejects; the caller removes the dialog. */
  async askAfter(fileName: string, check: () => Promise<Preview>): Promise<{ checked: Preview; decision: Exclude<Decision, 'cancel'> } | undefined> {
    const decision = this.open(fileName);
    let cancelled = false;
    void decision.then((answer) => {
      if (answer === 'cancel') cancelled = true;
    });
    const checked = await check();
    if (cancelled) return undefined;
    this.preview = checked;
    const answer = await decision;
    // Narrowing a type parameter by comparison is beyond TypeScript: answer is not 'cancel' here.
    return answer === 'cancel' ? undefined : { checked, decision: answer as Exclude<Decision, 'cancel'> };
  }

  protected decide(decision: Decision | 'cancel'): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.resolveDecision?.(decision);
    this.resolveDecision = undefined;
  }

  /** The <dialog>'s cancel event (Esc): answered as Cancel, and the dialog closes through decide(). */
  protected readonly cancelled = (event: Event): void => {
    event.preventDefault();
    this.decide('cancel');
  };
}
