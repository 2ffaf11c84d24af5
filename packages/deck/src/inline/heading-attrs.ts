// `## Title {#id .class minutes=15}`: the attribute block is cut from the heading text. On the
// slide's first heading the attributes belong to the slide (parse.ts put them on the model and
// render.ts on the <section>); on any later heading they go on the heading itself.
import { Renderer, type MarkedExtension, type Tokens } from 'marked';
import { ELEMENT_RULES, parseAttrText, validateAttrs } from '../attrs.ts';
import { parseAtxHeading } from '../heading.ts';
import { injectAttrs } from '../html.ts';
import { addTokenAttrs, type RenderState, type WithAttrs } from '../render-state.ts';

interface HeadingWithAttrs extends Tokens.Heading, WithAttrs {
  lecternHeadingAttrs?: string;
}

const RE_LINE_AND_BLANKS = /^[^\n]*(?:\n+|$)/;

export function headingAttrs(state: RenderState): MarkedExtension {
  return {
    tokenizer: {
      heading(src) {
        // Cheap reject (this runs at every block): only ATX headings whose first line ends
        // with `}` are ours.
        const first = src.charCodeAt(0);
        if (first !== 35 && first !== 32) return false; // '#' or indentation
        const nl = src.indexOf('\n');
        let end = nl < 0 ? src.length : nl;
        let c = src.charCodeAt(end - 1);
        while (end > 0 && (c === 32 || c === 9 || c === 13)) c = src.charCodeAt(--end - 1);
        if (c !== 125) return false; // '}'
        const h = parseAtxHeading(src.slice(0, end));
        if (!h || h.attrs === undefined) return false;
        const text = h.text.trim();
        const token: HeadingWithAttrs = {
          type: 'heading',
          raw: RE_LINE_AND_BLANKS.exec(src)![0],
          depth: h.depth,
          text,
          tokens: this.lexer.inline(text),
          lecternHeadingAttrs: h.attrs,
        };
        return token;
      },
    },
    renderer: {
      heading(token) {
        const t = token as HeadingWithAttrs;
        const first = !state.headingSeen;
        state.headingSeen = true;
        if (t.lecternHeadingAttrs !== undefined && !first) {
          const valid = validateAttrs(parseAttrText(t.lecternHeadingAttrs), ELEMENT_RULES);
          addTokenAttrs(t, { id: valid.id, classes: valid.classes, attributes: valid.values });
        }
        if (!t.lecternAttrs) return false;
        return injectAttrs(Renderer.prototype.heading.call(this, t), t.lecternAttrs);
      },
    },
  };
}
