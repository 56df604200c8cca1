/**
 * The scaffolder action `cognito-jwt-api:create`: checks the input with the generator's answers
 * schema, renders with the same renderer into the workspace, and records the answers and the
 * merge base, so that `npx create-cognito-jwt-api update` works on the result.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkTargetPaths, CognitoJwtApiError, refuseLinks, issuerOf, parseAnswers, projectFiles } from 'create-cognito-jwt-api';
import { catalogInfo, entityNameOf } from './catalog-info.js';
import { actionInputSchema, actionOutputSchema } from './input-schema.js';

export const ACTION_ID = 'cognito-jwt-api:create';

export function createCognitoJwtApiAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description: 'Writes an API Gateway HTTP API behind a Cognito JWT authorizer (AWS CDK, Terraform or AWS SAM) into the workspace',
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
          '      region: eu-west-1',
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
      // Every rule of the generator, with its messages (which name the answer and the fix), refused
      // as an InputError: the scaffolder answers 400 with the message, not 500.
      const answers = asInputError(() => parseAnswers(input));
      const target = resolveSafeChildPath(ctx.workspacePath, targetPath ?? '.');
      const files = projectFiles(answers);
      files.set('catalog-info.yaml', catalogInfo(answers, { owner, system }));
      // Every path, and every file already there, is checked before the first write.
      checkWorkspace(ctx.workspacePath, target, [...files.keys()], overwrite === true);
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

/**
 * Refuses, before anything is written: a symbolic link on the way to the target or below it (a
 * fetch step can leave one; a write through it could land outside the workspace), a path of the
 * wrong kind, and files already in the workspace unless `overwrite` says to replace them.
 */
function checkWorkspace(workspace: string, target: string, files: readonly string[], overwrite: boolean): void {
  asInputError(() => {
    const folder = path.relative(workspace, target).split(path.sep).filter(Boolean).join('/');
    if (folder) refuseLinks(workspace, [folder]);
    const present = checkTargetPaths(target, files);
    if (present.length > 0 && !overwrite) {
      throw new InputError(
        `The workspace already holds ${present.join(', ')}. Expected a workspace without the service's files: ` +
          'set targetPath to a new folder, or set overwrite: true to replace them (files of other names are kept).',
      );
    }
  });
}

/** Runs `check`; a refusal of the generator's becomes an InputError with the same message. */
function asInputError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CognitoJwtApiError) throw new InputError(error.message);
    throw error;
  }
}
