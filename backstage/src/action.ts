/**
 * The scaffolder action `cognito-jwt-api:create`: checks the input with the generator's answers
 * schema, renders with the same renderer into the workspace, and records the answers and the
 * merge base, so that `npx create-cognito-jwt-api update` works on the result. Every refusal is
 * an InputError (HTTP 400 in a dry run, a failed step with its message in a run) that names the
 * answers by the form's field titles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkTargetPaths,
  CognitoJwtApiError,
  issuerOf,
  projectFiles,
  refuseLinks,
  resolveFormAnswers,
  TITLE_LABELS,
} from 'create-cognito-jwt-api';
import { catalogInfo, entityNameOf } from './catalog-info.js';
import { actionInputSchema, actionOutputSchema } from './input-schema.js';

export const ACTION_ID = 'cognito-jwt-api:create';

export function createCognitoJwtApiAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Writes an API Gateway HTTP API behind a Cognito JWT authorizer (AWS CDK, Terraform or AWS SAM) into the ' +
      'workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'A CDK service for one browser origin',
        example: [
          'steps:',
          `  - action: ${ACTION_ID}`,
          '    id: create',
          '    input:',
          '      name: orders-api',
          '      userPoolId: eu-west-1_AbCdEfGhI',
          '      clientId: 1example23456789abcdefghij',
          '      origins: [https://app.example.com]',
          '      iac: cdk',
        ].join('\n'),
      },
    ],
    schema: { input: actionInputSchema, output: actionOutputSchema },
    async handler(ctx) {
      const { targetPath, owner, system, overwrite, ...input } = ctx.input;
      // Every rule of the generator, its messages naming the form's fields; the region is the pool id's.
      const answers = refused(() => resolveFormAnswers(input, TITLE_LABELS));
      const target = targetIn(ctx.workspacePath, targetPath);
      const files = projectFiles(answers);
      files.set('catalog-info.yaml', catalogInfo(answers, { owner, system }));
      // Every path, and every file already there, is checked before the first write.
      refused(() => checkWorkspace(ctx.workspacePath, target, [...files.keys()], overwrite === true));
      // A dry run writes too: its workspace is a temporary folder, and what is in it is what the
      // template editor previews. This action has no effect outside the workspace to skip.
      for (const [file, contents] of files) {
        const destination = resolveSafeChildPath(target, file);
        await mkdir(path.dirname(destination), { recursive: true });
        await writeFile(destination, contents);
      }
      ctx.logger.info(`${ctx.isDryRun ? 'Dry run: wrote' : 'Wrote'} ${files.size} files into ${target}`);
      ctx.output('files', [...files.keys()].sort());
      ctx.output('issuer', issuerOf(answers));
      ctx.output('apiName', entityNameOf(answers));
    },
  });
}

/** The generator's refusals as the scaffolder's: an InputError with the same message. */
function refused<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CognitoJwtApiError) throw new InputError(error.message);
    throw error;
  }
}

/** The folder to write into: the workspace, or a folder inside it. */
function targetIn(workspace: string, targetPath: string | undefined): string {
  try {
    return resolveSafeChildPath(workspace, targetPath ?? '.');
  } catch (error) {
    // By name: @backstage/backend-plugin-api may load another copy of @backstage/errors.
    if (!isError(error) || error.name !== 'NotAllowedError') throw error;
    throw new InputError(
      `targetPath ${JSON.stringify(targetPath)} is outside the workspace. Expected a relative path inside it, ` +
        `e.g. "service" (or none: the workspace itself).`,
    );
  }
}

/**
 * Refuses, before anything is written: a symbolic link on the way to the target or below it (a
 * fetch step can leave one; a write through it could land outside the workspace), a path of the
 * wrong kind, and files already in the workspace unless `overwrite` says to replace them.
 */
function checkWorkspace(workspace: string, target: string, files: readonly string[], overwrite: boolean): void {
  const folder = path.relative(workspace, target).split(path.sep).filter(Boolean).join('/');
  if (folder) refuseLinks(workspace, [folder]);
  const present = checkTargetPaths(target, files);
  if (present.length > 0 && !overwrite) {
    throw new InputError(
      `The workspace already holds ${present.join(', ')}. Expected a workspace without the service's files: ` +
        'set targetPath to a new folder, or set overwrite: true to replace them (files of other names are kept).',
    );
  }
}
