// Which of a record's conflicting versions need no choice from the lecturer (the rule; the sync
// engine applies it to the replica). CouchDB keeps every version made on another machine; two of
// them are only worth a choice when their content differs and both are somebody's edit:
//
// - a version with the same content as another is the same version (two machines made the same
//   change): one is kept;
// - a sample deck as shipped (its signature recorded when it was seeded, sample-identity.ts) is
//   nobody's edit: it gives way to any edited version (the text, or the deletion, somebody made),
//   and if the revision CouchDB picked as winner is the untouched sample, the edited version is
//   promoted to winner. Only versions edited on two machines remain a conflict.

export interface Version {
  rev: string;
  /** The version's content signature (signatures.ts; ABSENT for a deletion). */
  sig: string;
}

export interface Settled {
  /** A losing version to write over the winner (its content becomes the winner's), if any. */
  promote?: string;
  /** Losing versions to remove: the same content as a kept one, or the untouched sample. */
  drop: string[];
  /** Losing versions left for the lecturer to choose from, in CouchDB's order. */
  conflicts: string[];
}

/** `winner` is the revision CouchDB picked, `others` its `_conflicts`; `shipped` is the sample's
 *  signature as shipped when the record is a seeded sample deck, else undefined. */
export function settleVersions(winner: Version, others: readonly Version[], shipped?: string): Settled {
  const untouched = (v: Version) => shipped !== undefined && v.sig === shipped;
  let kept = winner;
  let promote: string | undefined;
  if (untouched(winner)) {
    const edited = others.find((v) => !untouched(v));
    if (edited) {
      kept = edited;
      promote = edited.rev;
    }
  }
  const drop: string[] = [];
  const conflicts: string[] = [];
  const seen = new Set([kept.sig]);
  for (const version of others) {
    if (version.rev === promote) continue;
    if (seen.has(version.sig) || untouched(version)) drop.push(version.rev);
    else {
      seen.add(version.sig);
      conflicts.push(version.rev);
    }
  }
  return { ...(promote ? { promote } : {}), drop, conflicts };
}
