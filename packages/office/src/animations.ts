// PowerPoint animations that Lectern can say the same way: entrance effects in the main click
// sequence, each shape appearing once (as a whole, or a list paragraph by paragraph). Those
// become reveal.js fragments in click order. Anything else (exit, emphasis, motion paths,
// triggers, a shape built twice) is left out and reported, so nothing appears half-animated.
import { attr, child, children, descendants, type Element } from './xml.ts';

export interface AnimationPlan {
  /** Shape id (cNvPr id) => the click (1-based) it appears on, and whether by paragraph. */
  fragments: Map<string, { click: number; byParagraph: boolean }>;
  /** False when some effect has no fragment equivalent (the slide is reported). */
  plain: boolean;
}

const EFFECT_CLASSES = new Set(['entr', 'exit', 'emph', 'path']);

/** The slide's plan, or undefined when it has no animations. */
export function animationPlan(slide: Element): AnimationPlan | undefined {
  const timing = child(slide, 'p', 'timing');
  const effects = descendants(timing, 'p', 'cTn').filter((ctn) => EFFECT_CLASSES.has(attr(ctn, 'presetClass') ?? ''));
  if (!effects.length) return undefined;
  const fragments = new Map<string, { click: number; byParagraph: boolean }>();
  const mainSeq = descendants(timing, 'p', 'cTn').find((ctn) => attr(ctn, 'nodeType') === 'mainSeq');
  let plain = mainSeq !== undefined && effects.every((ctn) => attr(ctn, 'presetClass') === 'entr');
  // Effects outside the main sequence run on a trigger (a click on a shape): no equivalent.
  const inMain = mainSeq ? new Set(descendants(mainSeq, 'p', 'cTn')) : new Set<Element>();
  if (effects.some((ctn) => !inMain.has(ctn))) plain = false;
  if (!plain || !mainSeq) return { fragments, plain: false };
  const clicks = children(child(mainSeq, 'p', 'childTnLst'), 'p', 'par');
  clicks.forEach((par, i) => {
    for (const ctn of descendants(par, 'p', 'cTn').filter((c) => attr(c, 'presetClass') === 'entr')) {
      const target = descendants(ctn, 'p', 'spTgt')[0];
      const spid = attr(target, 'spid');
      if (!spid) {
        plain = false;
        continue;
      }
      const byParagraph = child(target, 'p', 'txEl') !== undefined;
      const known = fragments.get(spid);
      if (known) {
        // A list built paragraph by paragraph names its shape once per click: fine.
        if (!(known.byParagraph && byParagraph)) plain = false;
        continue;
      }
      fragments.set(spid, { click: i + 1, byParagraph });
    }
  });
  // reveal.js puts fragments without an index (an incremental list's items) after every indexed
  // one: a paragraph build mixed with other animated shapes would change the order.
  if ([...fragments.values()].some((f) => f.byParagraph) && fragments.size > 1) plain = false;
  return { fragments, plain };
}

const RE_LIST_START = /^(?:[-*+]|\d+\.)\s/;

/** A shape's Markdown shown as its animation says: a fragment at its click, or an incremental list. */
export function asFragment(markdown: string, step: { click: number; byParagraph: boolean }): string | undefined {
  if (step.byParagraph) return RE_LIST_START.test(markdown) ? `::: incremental\n${markdown}\n:::` : undefined;
  return `::: {.fragment index=${step.click}}\n${markdown}\n:::`;
}
