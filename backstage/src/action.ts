/**
 * The scaffolder action `cognito-jwt-api:create`: checks the input with the generator's answers
 * schema, renders with the same renderer into the workspace, and records the answers and the
 * merge base, so that `npx create-cognito-jwt-api update` works on the result.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { issuerOf, parseAnswers, projectFiles } from 'create-cognito-jwt-api';
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
      const { targetPath, owner, system, ...input } = ctx.input;
      // Every rule of the generator, with its messages (which name the answer and the fix).
      const answers = parseAnswers(input);
      const target = resolveSafeChildPath(ctx.workspacePath, targetPath ?? '.');
      const files = projectFiles(answers);
      files.set('catalog-info.yaml', catalogInfo(answers, { owner, system }));
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would write ${files.size} files into ${target}`);
      } else {
        for (const [file, contents] of files) {
          const destination = resolveSafeChildPath(target, file);
          await mkdir(path.dirname(destination), { recursive: true });
          await writeFile(destination, contents);
        }
        ctx.logger.info(`Wrote ${files.size} files into ${target}`);
      }
      ctx.output('files', [...files.keys()].sort());
      ctx.output('issuer', issuerOf(answers));
      ctx.output('apiName', entityNameOf(answers));
    },
  });
}
