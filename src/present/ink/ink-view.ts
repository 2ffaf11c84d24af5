// Ink on the projected slide: an <svg data-lectern-ink> laid exactly over reveal.js's `.slides`
// (it copies the size, position and scale reveal.js gives `.slides`), so its coordinates are the
// slide's own and the ink lands on the same words at any window size. It is a sibling of
// `.slides`, not a child: reveal.js reads a slide's element siblings (isLastSlide, isFirstSlide). Pointer events (mouse, touch, pen with pressure) become strokes drawn with
// perfect-freehand; the eraser removes whole strokes it touches.
//
// Drawing stays cheap: a stroke's <path> is made once and kept (by stroke id) -- made in idle time
// for every stored stroke after loading, so even the first visit of a slide with hundreds of
// strokes only re-attaches them; the live stroke is drawn as finished pieces of LIVE_PIECE points
// plus a tail, so a pointer event recomputes the outline of at most the tail, never the whole
// stroke; the layer's position is read once per stroke, not per event.
import { getStroke, type StrokeOptions } from 'perfect-freehand';
import type { InkStroke } from '../../store/index.ts';
import type { InkModel } from './ink-model.ts';

export type InkTool = 'pen' | 'highlighter' | 'eraser';

/** Colours that read on a projector, light or dark theme. */
export const PEN_COLORS = ['#d62828', '#1d4ed8', '#111111', '#15803d'] as const;
export const HIGHLIGHTER_COLORS = ['#ffd60a', '#4ade80', '#f472b6'] as const;
/** Pen widths as fractions of the slide's width (thin, medium, thick). */
export const PEN_SIZES = [0.003, 0.006, 0.012] as const;
const HIGHLIGHTER_SIZE = 0.028;
/** Points per finished piece of the live stroke (see above). */
const LIVE_PIECE = 24;
/** How near (in slide pixels) the eraser must come to a stroke. */
const ERASER_REACH = 10;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The inline styles reveal.js sets on `.slides` when it scales the slide to the window. */
const FOLLOWED = ['width', 'height', 'left', 'top', 'right', 'bottom', 'transform', 'zoom'];

export interface InkPosition {
  /** `h.v` */
  slide: string;
  /** Fragment step shown (-1 before the first). */
  step: number;
}

function optionsFor(stroke: Pick<InkStroke, 'tool' | 'size'>, width: number): StrokeOptions {
  if (stroke.tool === 'highlighter') {
    return { size: stroke.size * width, thinning: 0, smoothing: 0.5, streamline: 0.5, simulatePressure: false };
  }
  return { size: stroke.size * width, thinning: 0.6, smoothing: 0.5, streamline: 0.4, simulatePressure: false };
}

/** perfect-freehand's outline => SVG path data (quadratic curves through the midpoints). */
function pathData(outline: number[][]): string {
  const n = outline.length;
  if (n < 2) return '';
  const f = (v: number) => v.toFixed(1);
  let d = `M${f(outline[0]![0]!)},${f(outline[0]![1]!)} Q`;
  for (let i = 0; i < n; i++) {
    const [x0, y0] = outline[i]!;
    const [x1, y1] = outline[(i + 1) % n]!;
    d += `${f(x0!)},${f(y0!)} ${f((x0! + x1!) / 2)},${f((y0! + y1!) / 2)} `;
  }
  return `${d}Z`;
}

/** The outline of a stroke in slide pixels. */
export function strokePath(stroke: Pick<InkStroke, 'tool' | 'size' | 'points'>, width: number, height: number): string {
  const pts: number[][] = [];
  for (let i = 0; i + 2 < stroke.points.length; i += 3) pts.push([stroke.points[i]! * width, stroke.points[i + 1]! * height, stroke.points[i + 2]!]);
  return pathData(getStroke(pts, { ...optionsFor(stroke, width), last: true }));
}

/** A stroke's <path>: its outline filled with its colour (highlighter strokes multiply, present.css). */
export function strokeElement(stroke: InkStroke, width: number, height: number): SVGPathElement {
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', strokePath(stroke, width, height));
  path.setAttribute('fill', stroke.color);
  path.dataset.stroke = stroke.id;
  if (stroke.tool === 'highlighter') path.classList.add('highlighter');
  return path;
}

export class InkView {
  readonly svg: SVGSVGElement;
  private readonly committed: SVGGElement;
  /** The stroke being drawn (empty otherwise): finished pieces, then the tail path (last child). */
  private readonly live: SVGGElement;
  private readonly liveTail: SVGPathElement;
  /** Points of the live stroke already in finished pieces. */
  private liveDone = 0;
  /** The layer's box while a pointer is down (read once, at pointerdown). */
  private rect: DOMRect | undefined;
  /** Each stroke's <path>, made once: going back to a slide re-attaches them (a stroke never changes; an erased one is kept for undo). */
  private readonly paths = new Map<string, SVGPathElement>();
  private toolValue: InkTool | undefined;
  color: string = PEN_COLORS[0];
  highlighterColor: string = HIGHLIGHTER_COLORS[0];
  size: number = PEN_SIZES[1];
  private drawing: { pointerId: number; points: number[]; tool: 'pen' | 'highlighter' } | undefined;
  /** This stroke gets pointerrawupdate events: its pointermove events repeat them and are ignored. */
  private raw = false;
  private erasing: number | undefined;

  constructor(
    slidesEl: HTMLElement,
    private readonly model: InkModel,
    private readonly width: number,
    private readonly height: number,
    private readonly position: () => InkPosition,
  ) {
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.setAttribute('data-lectern-ink', '');
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.classList.add('lectern-ink');
    this.committed = document.createElementNS(SVG_NS, 'g');
    this.live = document.createElementNS(SVG_NS, 'g');
    this.live.classList.add('live');
    this.liveTail = document.createElementNS(SVG_NS, 'path');
    this.svg.append(this.committed, this.live);
    slidesEl.after(this.svg);
    // reveal.js lays `.slides` out with inline styles (size, then zoom or translate + scale).
    const follow = () => {
      for (const prop of FOLLOWED) this.svg.style.setProperty(prop, slidesEl.style.getPropertyValue(prop));
    };
    new MutationObserver(follow).observe(slidesEl, { attributes: true, attributeFilter: ['style'] });
    follow();
    this.svg.addEventListener('pointerdown', this.down);
    // Chromium delivers pointermove aligned to the next animation frame (up to a frame late);
    // pointerrawupdate comes as soon as the input arrives. Where it exists it draws, and
    // pointermove is left to browsers without it (or events that never had a raw update).
    this.svg.addEventListener('pointerrawupdate', this.move as EventListener); // not in the DOM lib's SVG event map; a PointerEvent
    this.svg.addEventListener('pointermove', this.move);
    this.svg.addEventListener('pointerup', this.up);
    this.svg.addEventListener('pointercancel', this.up);
    model.onChange(() => this.render());
    this.warm();
  }

  /** Makes every stored stroke's <path> in idle time, the current slide's first. */
  private warm(): void {
    const idle = (run: (deadline: { timeRemaining(): number }) => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(() => run({ timeRemaining: () => 8 }), 16);
    const current = this.position().slide;
    const queue = this.model.allStrokes(current);
    let next = 0;
    const work = (deadline: { timeRemaining(): number }) => {
      while (next < queue.length && deadline.timeRemaining() > 1) this.pathOf(queue[next++]!);
      if (next < queue.length) idle(work);
    };
    idle(work);
  }

  private pathOf(stroke: InkStroke): SVGPathElement {
    let path = this.paths.get(stroke.id);
    if (!path) {
      path = strokeElement(stroke, this.width, this.height);
      this.paths.set(stroke.id, path);
    }
    return path;
  }

  get tool(): InkTool | undefined {
    return this.toolValue;
  }

  /** Picks a tool; undefined leaves drawing mode (the slide takes clicks again). */
  setTool(tool: InkTool | undefined): void {
    this.toolValue = tool;
    if (tool) this.svg.dataset.tool = tool;
    else delete this.svg.dataset.tool;
    document.documentElement.classList.toggle('lectern-drawing', tool !== undefined);
  }

  /** Draws the current slide's visible ink. */
  render(): void {
    const started = performance.now();
    const { slide, step } = this.position();
    this.committed.replaceChildren(...this.model.visible(slide, step).map(({ stroke }) => this.pathOf(stroke)));
    // The ink's own share of a slide change, apart from reveal.js's (npm run bench -- present-ink).
    performance.measure('lectern-ink-render', { start: started });
  }

  /** Slide-relative [x, y] (0-1) of a pointer event. */
  private at(event: PointerEvent): [number, number] {
    const rect = (this.rect ??= this.svg.getBoundingClientRect());
    return [(event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height];
  }

  private down = (event: PointerEvent): void => {
    const tool = this.toolValue;
    if (!tool || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.rect = this.svg.getBoundingClientRect();
    this.raw = false;
    try {
      this.svg.setPointerCapture(event.pointerId); // the stroke goes on when the pointer leaves the slide
    } catch {
      // a pointer the browser does not track (a synthetic event): drawn without capture
    }
    if (tool === 'eraser') {
      this.erasing = event.pointerId;
      this.eraseAt(event);
      return;
    }
    this.drawing = { pointerId: event.pointerId, points: [], tool };
    this.clearLive();
    this.live.append(this.liveTail);
    this.live.setAttribute('fill', tool === 'pen' ? this.color : this.highlighterColor);
    // On the group: the pieces overlap, and the group is made translucent as one.
    this.live.classList.toggle('highlighter', tool === 'highlighter');
    this.addPoints(event);
  };

  private move = (event: PointerEvent): void => {
    if (event.type === 'pointerrawupdate') this.raw = true;
    else if (this.raw) return;
    if (this.erasing === event.pointerId) {
      this.eraseAt(event);
      return;
    }
    if (this.drawing?.pointerId !== event.pointerId) return;
    this.addPoints(event);
  };

  private up = (event: PointerEvent): void => {
    if (this.erasing === event.pointerId) {
      this.erasing = undefined;
      this.rect = undefined;
      return;
    }
    const drawing = this.drawing;
    if (drawing?.pointerId !== event.pointerId) return;
    this.drawing = undefined;
    this.rect = undefined;
    this.clearLive();
    if (drawing.points.length < 3) return;
    const { slide, step } = this.position();
    const stroke: InkStroke = {
      id: crypto.randomUUID(),
      tool: drawing.tool,
      color: drawing.tool === 'pen' ? this.color : this.highlighterColor,
      size: drawing.tool === 'pen' ? this.size : HIGHLIGHTER_SIZE,
      step,
      points: drawing.points,
    };
    this.model.add(slide, stroke);
  };

  private addPoints(event: PointerEvent): void {
    const drawing = this.drawing!;
    const events = event.getCoalescedEvents?.() ?? [];
    for (const e of events.length > 0 ? events : [event]) {
      const [x, y] = this.at(e);
      // Mouse and touch report 0.5 while pressed (or 0): an even line; a pen its real pressure.
      const pressure = e.pointerType === 'pen' ? e.pressure : 0.5;
      drawing.points.push(round(x), round(y), round(pressure));
    }
    const size = drawing.tool === 'pen' ? this.size : HIGHLIGHTER_SIZE;
    const count = drawing.points.length / 3;
    // A full piece is frozen into its own path (it overlaps the next piece by one point, and its
    // round ends hide the seam); the tail is all that is recomputed per event.
    while (count - this.liveDone > LIVE_PIECE) {
      const end = this.liveDone + LIVE_PIECE;
      const piece = document.createElementNS(SVG_NS, 'path');
      piece.setAttribute('d', strokePath({ tool: drawing.tool, size, points: drawing.points.slice(this.liveDone * 3, (end + 1) * 3) }, this.width, this.height));
      this.liveTail.before(piece);
      this.liveDone = end;
    }
    this.liveTail.setAttribute('d', strokePath({ tool: drawing.tool, size, points: drawing.points.slice(this.liveDone * 3) }, this.width, this.height));
  }

  /** No live stroke: the group is emptied (only stored strokes' paths stay in the layer). */
  private clearLive(): void {
    this.liveTail.removeAttribute('d');
    this.live.replaceChildren();
    this.liveDone = 0;
  }

  private eraseAt(event: PointerEvent): void {
    const [x, y] = this.at(event);
    const { slide, step } = this.position();
    const px = x * this.width;
    const py = y * this.height;
    for (const { stroke } of this.model.visible(slide, step).reverse()) {
      const reach = ERASER_REACH + (stroke.size * this.width) / 2;
      for (let i = 0; i + 2 < stroke.points.length; i += 3) {
        const dx = stroke.points[i]! * this.width - px;
        const dy = stroke.points[i + 1]! * this.height - py;
        if (dx * dx + dy * dy <= reach * reach) {
          this.model.erase(slide, stroke.id);
          return;
        }
      }
    }
  }
}

/** 5 decimals: a 0.01-pixel step on a 1920-pixel projection, and a third of the JSON size. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;
