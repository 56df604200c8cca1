/**
 * Notes on an update that changes the deploy roles' infrastructure. The deploy workflow cannot
 * change its own roles (they deny it), so an administrator deploys the change by hand; until then a
 * deploy that needs it (a new permission, the functions' permissions boundary) is refused, and a
 * push to main deploys dev.
 */
import { isDeployRoleInfrastructure } from '../render/ci.js';
import { changes, type PlanEntry } from './plan.js';

const BY_HAND =
  'with your own credentials, as README.md\'s "Deploy from GitHub Actions" says, before this change reaches ' +
  'main (a push to main deploys dev, which they may refuse until then)';

/** `rendered`: the paths the update's render holds; a role file outside it is dropped by the template. */
export function deployRoleNotes(plan: readonly PlanEntry[], rendered: ReadonlySet<string>): string[] {
  const roles = plan.filter((entry) => isDeployRoleInfrastructure(entry.path));
  const paths = (entries: readonly PlanEntry[]) => entries.map((entry) => entry.path).join(', ');
  const changed = changes(roles).filter((entry) => rendered.has(entry.path));
  // Dropped: deleted, or kept because you edited it; either way, what it deployed stays in AWS.
  const dropped = roles.filter(
    (entry) => !rendered.has(entry.path) && (entry.action === 'delete' || entry.action === 'keep'),
  );
  const added = changed.filter((entry) => entry.action === 'add');
  if (dropped.length > 0 && added.length > 0)
    return [
      `the deploy roles move from ${paths(dropped)} to ${paths(added)}. What the old files deployed holds names ` +
        "the new ones create (GitHub's OIDC provider, which an account holds once; between Terraform and SAM, the " +
        'roles and their boundary): first delete it, from the commit before this update, then deploy the new ones ' +
        BY_HAND,
    ];
  return [
    ...(changed.length > 0 ? [`the deploy roles change (${paths(changed)}): deploy them ${BY_HAND}`] : []),
    ...(dropped.length > 0
      ? [
          `the deploy roles' infrastructure goes (${paths(dropped)}), but not from AWS: its roles still trust ` +
            "the repository's deploy jobs until you delete what it deployed, with your own credentials",
        ]
      : []),
  ];
}
