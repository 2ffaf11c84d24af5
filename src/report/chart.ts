// Geometry of the report's horizontal bar chart, kept apart from rendering so it is testable in
// Node and the SVG stays simple: every bar has a text label and its value in text (the chart is
// readable in print and by screen readers without colour).
export interface ChartInput {
  label: string;
  value: number;
}

export type ChartBar<T extends ChartInput = ChartInput> = T & {
  y: number;
  width: number;
  /** x of the value text, just after the bar. */
  valueX: number;
};

export interface ChartLayout<T extends ChartInput = ChartInput> {
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  bars: ChartBar<T>[];
}

export function layoutBarChart<T extends ChartInput>(
  rows: readonly T[],
  { width = 640, labelWidth = 240, barHeight = 22, gap = 10, valueWidth = 60 } = {},
): ChartLayout<T> {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const room = Math.max(0, width - labelWidth - valueWidth);
  const bars = rows.map((row, index) => {
    // A zero value draws no bar but keeps its label and its "0".
    const barWidth = max > 0 ? Math.round((row.value / max) * room) : 0;
    return { ...row, y: gap + index * (barHeight + gap), width: barWidth, valueX: labelWidth + barWidth + 6 };
  });
  return { width, height: gap + rows.length * (barHeight + gap), labelWidth, barHeight, bars };
}
