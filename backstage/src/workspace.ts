/**
 * What both actions check in the task's workspace, and how they report a refusal: an InputError
 * (HTTP 400 in a dry run, a failed step with its message in a run) with the generator's message.
 */
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import { CognitoJwtApiError, refuseLinks } from 'create-cognito-jwt-api';

/** The generator's refusals as the scaffolder's: an InputError with the same message. */
export function refused<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CognitoJwtApiError) throw new InputError(error.message);
    throw error;
  }
}

/**
 * The folder to work in: the workspace, or a folder inside it, reached through no symbolic link
 * (a fetch step can leave one; a write through it could land outside the workspace).
 */
export function targetIn(workspace: string, targetPath: string | undefined): string {
  let target: string;
  try {
    target = resolveSafeChildPath(workspace, targetPath ?? '.');
  } catch (error) {
    // By name: @backstage/backend-plugin-api may load another copy of @backstage/errors.
    if (!isError(error) || error.name !== 'NotAllowedError') throw error;
    throw new InputError(
      `targetPath ${JSON.stringify(targetPath)} is outside the workspace. Expected a relative path inside it, ` +
        `e.g. "service" (or none: the workspace itself).`,
    );
  }
  const folder = path.relative(workspace, target).split(path.sep).filter(Boolean).join('/');
  if (folder) refused(() => refuseLinks(workspace, [folder]));
  return target;
}

/**
 * The entity ref of the template a task runs. A dry run (the template editor's) calls every
 * template `template:default/dry-run`, but passes the template's own metadata, which names it.
 */
export function templateRefOf(
  info: { entityRef: string; entity?: { metadata: { name: string; namespace?: string } } } | undefined,
): string | undefined {
  const metadata = info?.entity?.metadata;
  if (metadata?.name) return `template:${metadata.namespace ?? 'default'}/${metadata.name}`;
  return info?.entityRef;
}
