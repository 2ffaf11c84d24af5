// The report's bar chart as an SVG lit template: role="img" with <title> and <desc> (the desc
// carries the numbers in words, for screen readers), a text label and a text value for every bar
// (readable without colour, and in black-and-white print), fills that print (print-color-adjust).
import { svg, type SVGTemplateResult } from 'lit';
import { layoutBarChart, type ChartInput } from './chart.ts';

export interface BarChartRow extends ChartInput {
  /** Text after the bar, e.g. "492 học viên, 6 lớp". */
  valueText: string;
}

export function renderBarChart(rows: readonly BarChartRow[], title: string, desc: string, idPrefix = 'chart'): SVGTemplateResult {
  const layout = layoutBarChart(rows, { width: 760, labelWidth: 300, valueWidth: 190, barHeight: 22, gap: 10 });
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return svg`<svg
    class="bar-chart"
    role="img"
    aria-labelledby=${titleId}
    aria-describedby=${descId}
    viewBox="0 0 ${layout.width} ${layout.height}"
    width="100%"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id=${titleId}>${title}</title>
    <desc id=${descId}>${desc}</desc>
    <line x1=${layout.labelWidth} x2=${layout.labelWidth} y1="0" y2=${layout.height} class="axis"></line>
    ${layout.bars.map(
      (bar, index) => svg`<g class="bar" data-index=${index}>
        <text x=${layout.labelWidth - 8} y=${bar.y + layout.barHeight / 2} text-anchor="end" dominant-baseline="middle" class="label">${bar.label}</text>
        <rect x=${layout.labelWidth} y=${bar.y} width=${bar.width} height=${layout.barHeight} rx="2"></rect>
        <text x=${bar.valueX} y=${bar.y + layout.barHeight / 2} dominant-baseline="middle" class="value">${bar.valueText}</text>
      </g>`,
    )}
  </svg>`;
}
