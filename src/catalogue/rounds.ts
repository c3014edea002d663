/**
 * What changed at each review round of a document (issue 10): which actions' status moved, which
 * were reviewed for the first time, which were withdrawn or merged, which were not reviewed. Read
 * from the catalogue's per-round history (./catalogue.ts); nothing is guessed: an action absent
 * from a round is "not reviewed", and a move compares a round with the action's last status before it.
 */
import type { ActionNode, ConventionNode, RoundView, StatusView } from './types.ts';

export interface RoundChanges {
  round: RoundView;
  /** The round before it, if any. */
  previous?: RoundView;
  /** Status changed since the action's last status (from → to), with the round that gave `from`. */
  moved: { action: ActionNode; from: StatusView; since: RoundView; to: StatusView }[];
  /** Reviewed for the first time at this round. */
  added: { action: ActionNode; status: StatusView }[];
  /** Withdrawn at this round, or merged into another action. */
  withdrawn: ActionNode[];
  /** Same status as at their last review. */
  unchanged: ActionNode[];
  /** Still in the document (not withdrawn before), but not reviewed at this round. */
  notReviewed: ActionNode[];
  /** What this round says of each action it comments, in document order, whatever the group (issue 20: shown on the round's page). */
  comments: { action: ActionNode; status?: StatusView; comment: string }[];
}

export function roundChanges(convention: ConventionNode, round: RoundView): RoundChanges {
  const changes: RoundChanges = {
    round,
    previous: convention.rounds[round.index - 1],
    moved: [],
    added: [],
    withdrawn: [],
    unchanged: [],
    notReviewed: [],
    comments: [],
  };
  for (const action of convention.actions) {
    if (action.withdrawn && action.withdrawn.round.index < round.index) continue;
    const here = action.history[round.index]!;
    if (here.comment) changes.comments.push({ action, status: here.status, comment: here.comment });
    if (here.withdrawn) {
      changes.withdrawn.push(action);
      continue;
    }
    if (!here.status) {
      changes.notReviewed.push(action);
      continue;
    }
    const last = action.history
      .slice(0, round.index)
      .reverse()
      .find((h) => h.status);
    if (!last?.status) changes.added.push({ action, status: here.status });
    else if (last.status.code !== here.status.code) changes.moved.push({ action, from: last.status, since: last.round, to: here.status });
    else changes.unchanged.push(action);
  }
  return changes;
}
