/** What to do after an update wrote files: printed by the command line. */
import { FLAVOURS } from '../render/flavours.js';
import type { Answers } from '../schema/answers.js';
import { inPackageManager } from './next-steps.js';
import { runScript, type PackageManager } from './package-manager.js';

export interface UpdateOutcome {
  /** The project's flavour after the update. */
  iac: Answers['iac'];
  /** The flavour it had, when the update switched to another: the new one deploys for the first time. */
  previousIac?: Answers['iac'];
  /** package.json's dependencies changed: the lock file is stale until an install (`npm ci` refuses it). */
  installNeeded: boolean;
  /** Files left with conflict markers. */
  conflicts: readonly string[];
  /** The package manager that ran the tool (npm when unknown). */
  packageManager?: PackageManager;
}

/**
 * The steps after an update: resolve conflicts, install when the dependencies changed, test,
 * deploy. A project that keeps its flavour deploys as before (the last of its first-deploy
 * commands: CDK's bootstrap was done once already); one that switched deploys the new flavour
 * for the first time.
 */
export function updateNextSteps(outcome: UpdateOutcome): string {
  const pm = outcome.packageManager ?? 'npm';
  const deploy = FLAVOURS[outcome.iac].deploy;
  const steps = [
    ...(outcome.conflicts.length > 0
      ? [`resolve the conflicts in ${outcome.conflicts.join(', ')}, then run update again to record it`]
      : []),
    ...(outcome.installNeeded ? [`${pm} install   # the dependencies changed: refreshes the lock file`] : []),
    runScript(pm, 'test'),
    ...(outcome.previousIac ? deploy : deploy.slice(-1)).map((step) => inPackageManager(pm, step)),
  ];
  return ['Next steps:', ...steps.map((step) => `  ${step}`)].join('\n');
}
