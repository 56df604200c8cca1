/**
 * The action's input schema, derived from the generator's answers schema (field by field, with
 * its descriptions, choices and required fields): Backstage builds forms and validates with its
 * own zod, then the handler checks every rule with the answers schema itself.
 */
import { ANSWER_OPTIONS, answersJsonSchema, DERIVED_FIELDS } from 'create-cognito-jwt-api';

/** The part of Backstage's zod that the schema needs (Backstage passes its own instance). */
type Zod = typeof import('zod/v3').z;

export const RUN_INPUTS = {
  targetPath: 'Folder of the workspace to write the service into (default: the workspace itself)',
  owner: 'Owner of the catalog entities in catalog-info.yaml, e.g. group:default/team-a',
  system: 'System the catalog entities belong to (optional)',
  overwrite: 'Replace files of the same names already in the workspace (default: such files are refused)',
  scaffoldedFrom:
    "Entity ref of the template, for catalog-info.yaml's spec.scaffoldedFrom (default: the template that runs " +
    'the step)',
} as const;

export function actionInputSchema(z: Zod) {
  // Required as in the form: every answer without a default (the name too: there is no folder to
  // name it after), but those another answer gives (the region: the pool id's prefix).
  const required = answersJsonSchema().required.filter((field) => !DERIVED_FIELDS.includes(field));
  const fields = Object.fromEntries(
    ANSWER_OPTIONS.map((option) => {
      let schema: import('zod/v3').ZodTypeAny = option.choices
        ? z.enum(option.choices as [string, ...string[]])
        : option.type === 'boolean'
          ? z.boolean()
          : option.type === 'integer'
            ? z.union([z.number(), z.string()])
            : option.list
              ? z.union([z.string(), z.array(z.string())])
              : z.string();
      schema = schema.describe(option.description);
      return [option.field, required.includes(option.field) ? schema : schema.optional()];
    }),
  );
  return z.object({
    ...fields,
    targetPath: z.string().describe(RUN_INPUTS.targetPath).optional(),
    owner: z.string().describe(RUN_INPUTS.owner).optional(),
    system: z.string().describe(RUN_INPUTS.system).optional(),
    overwrite: z.boolean().describe(RUN_INPUTS.overwrite).optional(),
    scaffoldedFrom: z.string().describe(RUN_INPUTS.scaffoldedFrom).optional(),
  });
}

export function actionOutputSchema(z: Zod) {
  return z.object({
    files: z.array(z.string()).describe('Paths of the files written, relative to targetPath'),
    issuer: z.string().describe('The issuer the API trusts'),
    apiName: z.string().describe('Name of the service and its API entity'),
  });
}
