/**
 * Notes on an update that changes the deploy roles' infrastructure. The deploy workflow cannot
 * change its own roles (they deny it), so an administrator applies the change by hand; until then a
 * deploy that needs it (a new permission, the functions' permissions boundary) is refused.
 */
import { isDeployRoleInfrastructure } from '../render/ci.js';
import { changes, type PlanEntry } from './plan.js';

export function deployRoleNotes(plan: readonly PlanEntry[]): string[] {
  const files = changes(plan).filter((entry) => isDeployRoleInfrastructure(entry.path));
  const kept = files.filter((entry) => entry.result !== null).map((entry) => entry.path);
  const removed = files.filter((entry) => entry.result === null).map((entry) => entry.path);
  return [
    ...(kept.length > 0
      ? [
          `the deploy roles change (${kept.join(', ')}): deploy them with your own credentials, as README.md's ` +
            '"Deploy from GitHub Actions" says, before the deploy workflow runs again; it may be refused until then',
        ]
      : []),
    ...(removed.length > 0
      ? [
          `the deploy roles' infrastructure goes (${removed.join(', ')}), but not from AWS: its roles still trust ` +
            "the repository's deploy jobs until you delete what it deployed, with your own credentials",
        ]
      : []),
  ];
}
