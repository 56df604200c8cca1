/**
 * Conflicts an earlier update left: an update that would change files waits until they are
 * resolved, so that its markers never mix with theirs; one that only records their resolution
 * (update's own record, nothing else) is what resolving them asks for.
 */
import { UpdateError } from '../errors.js';
import type { UpdateComputation } from './project.js';
import { PRISTINE_PATH, YO_RC_PATH } from './record.js';

/** The files update keeps for itself: writing only these records a resolution. */
const RECORD_FILES: ReadonlySet<string> = new Set([YO_RC_PATH, PRISTINE_PATH]);

type Conflicted = Pick<UpdateComputation, 'hadConflicts' | 'unresolved' | 'writes'>;

/** The update writes nothing but its record, after a run that left conflicts: it records their resolution. */
export function recordsResolution(update: Conflicted): boolean {
  return update.hadConflicts && [...update.writes.keys()].every((file) => RECORD_FILES.has(file));
}

/** Refuses an update that changes files while conflicts of the last one remain; `where` to resolve them. */
export function refuseOverUnresolved(update: Conflicted, where = ''): void {
  if (update.unresolved.length === 0 || recordsResolution(update)) return;
  throw new UpdateError(
    `Conflicts from the last update remain in: ${update.unresolved.join(', ')}. Expected them resolved before ` +
      `an update changes files again, so that its markers do not mix with new ones: resolve the <<<<<<< / ` +
      `||||||| / ======= / >>>>>>> sections${where}, then run update again.`,
  );
}
