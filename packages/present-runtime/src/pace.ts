// Where the class stands against its plan, and how clock readings are written. Pure functions (no
// DOM, no clock, no deck parser), so the presenter console, the speaker-view panel, the built
// site's runtime and the tests share one definition; the plan itself comes from plan.ts.

export type PaceState = 'ahead' | 'behind' | 'on-time' | 'no-plan';

export interface Pace {
  state: PaceState;
  /** Seconds ahead or behind (0 when on time). */
  deltaSec: number;
  /** Planned seconds for all slides before the current one. */
  plannedBeforeSec: number;
  /** Planned seconds up to and including the current one. */
  plannedThroughSec: number;
}

/**
 * Where the class stands at slide `index` after `elapsedSec` seconds. On time while the elapsed
 * time lies inside the current slide's planned window; ahead when the slide was reached early;
 * behind once the slide's window is used up.
 */
export function paceAt(plan: readonly number[], index: number, elapsedSec: number): Pace {
  const i = Math.max(0, Math.min(index, plan.length - 1));
  const plannedBeforeSec = plan.slice(0, i).reduce((a, b) => a + b, 0);
  const plannedThroughSec = plannedBeforeSec + (plan[i] ?? 0);
  const total = plan.reduce((a, b) => a + b, 0);
  if (total === 0) return { state: 'no-plan', deltaSec: 0, plannedBeforeSec, plannedThroughSec };
  if (elapsedSec < plannedBeforeSec) {
    return { state: 'ahead', deltaSec: plannedBeforeSec - elapsedSec, plannedBeforeSec, plannedThroughSec };
  }
  if (elapsedSec > plannedThroughSec) {
    return { state: 'behind', deltaSec: elapsedSec - plannedThroughSec, plannedBeforeSec, plannedThroughSec };
  }
  return { state: 'on-time', deltaSec: 0, plannedBeforeSec, plannedThroughSec };
}

/** 75 => "1:15", 3725 => "1:02:05" (a clock reading, not a sentence: no Intl needed). */
export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "12:30" left, or "−2:05" once the lesson runs over its duration. */
export function remainingText(sec: number): string {
  return sec < 0 ? `−${formatDuration(-sec)}` : formatDuration(sec);
}

export interface PaceLabels {
  ahead: (m: string) => string;
  behind: (m: string) => string;
  onTime: string;
  noPlan: string;
}

export function paceText(pace: Pace, m: PaceLabels): string {
  switch (pace.state) {
    case 'ahead':
      return m.ahead(formatDuration(pace.deltaSec));
    case 'behind':
      return m.behind(formatDuration(pace.deltaSec));
    case 'on-time':
      return m.onTime;
    case 'no-plan':
      return m.noPlan;
  }
}
