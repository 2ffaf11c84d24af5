// Which old texts of a deck are kept: the last `keepLast` revisions, plus the newest revision of
// each calendar day (UTC) for the last `keepDays` days. Everything else is pruned on save. A pure
// function so the rule is easy to test and to change.

export interface RevisionPolicy {
  keepLast: number;
  keepDays: number;
}

export const DEFAULT_REVISION_POLICY: Readonly<RevisionPolicy> = Object.freeze({ keepLast: 50, keepDays: 30 });

const DAY_MS = 86_400_000;

/** Returns the revs to delete. `revisions` may be in any order. */
export function revisionsToPrune(
  revisions: readonly { rev: number; savedAt: string }[],
  now: Date,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): number[] {
  const newestFirst = [...revisions].sort((a, b) => b.rev - a.rev);
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((r) => r.rev));
  const oldest = now.getTime() - policy.keepDays * DAY_MS;
  const daysSeen = new Set<string>();
  for (const r of newestFirst) {
    const time = Date.parse(r.savedAt);
    if (!Number.isFinite(time) || time < oldest) continue;
    const day = r.savedAt.slice(0, 10);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(r.rev);
  }
  return newestFirst.filter((r) => !keep.has(r.rev)).map((r) => r.rev);
}
