// The lecturer's choice over a record's conflicting versions, checked before anything is
// written: every other version gets a choice (keep it instead of the library's, keep it as a
// copy, discard it), all in one action, so none is dropped without having been shown.

/** What to do with one other version. `copy`: a new deck (decks only). */
export type VersionChoice = 'discard' | 'take' | 'copy';

export interface ResolutionPlan {
  /** The version that replaces the library's, if any. */
  take?: string;
  /** Versions that become new decks. */
  copies: string[];
  /** Every other version: removed once the above is done. */
  remove: string[];
}

export class ConflictChoiceError extends Error {
  constructor(
    /** stale: the versions changed since they were shown (another arrived, or one was resolved
     *  on another machine); invalid: a choice that cannot be (two versions taken, a copy of a
     *  session). */
    readonly reason: 'stale' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ConflictChoiceError';
  }
}

/** `open`: the record's other versions now; `choices`: one per version shown. */
export function planResolution(open: readonly string[], choices: Readonly<Record<string, VersionChoice>>, copiesAllowed: boolean): ResolutionPlan {
  const chosen = Object.keys(choices);
  if (open.length === 0 || chosen.length !== open.length || open.some((rev) => !Object.hasOwn(choices, rev))) {
    throw new ConflictChoiceError('stale', `versions now: ${open.join(', ') || 'none'}; chosen: ${chosen.join(', ') || 'none'}`);
  }
  const plan: ResolutionPlan = { copies: [], remove: [...open] };
  for (const rev of open) {
    const choice = choices[rev];
    if (choice === 'take') {
      if (plan.take) throw new ConflictChoiceError('invalid', 'only one version can replace the library’s');
      plan.take = rev;
    } else if (choice === 'copy') {
      if (!copiesAllowed) throw new ConflictChoiceError('invalid', 'only a deck can be kept as a copy');
      plan.copies.push(rev);
    } else if (choice !== 'discard') {
      throw new ConflictChoiceError('invalid', `unknown choice for ${rev}`);
    }
  }
  return plan;
}
