/**
 * The scaffolder action `cognito-jwt-api:create`: checks the input with the generator's answers
 * schema, renders with the same renderer into the workspace, and records the answers and the
 * merge base, so that `npx create-cognito-jwt-api update` (or `cognito-jwt-api:update`, in
 * update-action.ts) works on the result. Every refusal is
 * an InputError (HTTP 400 in a dry run, a failed step with its message in a run) that names the
 * answers by the form's field titles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkTargetPaths, issuerOf, projectFiles, resolveFormAnswers, TITLE_LABELS } from 'create-cognito-jwt-api';
import { catalogInfo, entityNameOf } from './catalog-info.js';
import { actionInputSchema, actionOutputSchema } from './input-schema.js';
import { refused, targetIn, templateRefOf } from './workspace.js';

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
      const { targetPath, owner, system, overwrite, scaffoldedFrom, ...input } = ctx.input;
      // Every rule of the generator, its messages naming the form's fields; the region is the pool id's.
      const answers = refused(() => resolveFormAnswers(input, TITLE_LABELS));
      const target = targetIn(ctx.workspacePath, targetPath);
      const files = projectFiles(answers);
      const template = scaffoldedFrom ?? templateRefOf(ctx.templateInfo);
      files.set('catalog-info.yaml', catalogInfo(answers, { owner, system, scaffoldedFrom: template }));
      // Every path, and every file already there, is checked before the first write.
      refused(() => checkWorkspace(target, [...files.keys()], overwrite === true));
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
 * Refuses, before anything is written: a symbolic link below the target (targetIn checked the way
 * to it), a path of the wrong kind, and files already in the workspace unless `overwrite` says to
 * replace them.
 */
function checkWorkspace(target: string, files: readonly string[], overwrite: boolean): void {
  const present = checkTargetPaths(target, files);
  if (present.length > 0 && !overwrite) {
    throw new InputError(
      `The workspace already holds ${present.join(', ')}. Expected a workspace without the service's files: ` +
        'set targetPath to a new folder, or set overwrite: true to replace them (files of other names are kept).',
    );
  }
}
