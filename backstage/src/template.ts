/**
 * The Backstage software template (template/template.yaml), built from the answers' JSON Schema
 * so that the form cannot drift from the generator: `npm run template -w backstage` writes it,
 * and a test fails when the committed file differs.
 */
import {
  answersJsonSchema,
  DERIVED_FIELDS,
  FLAVOURS,
  type AnswerField,
  type JsonSchemaProperty,
} from 'create-cognito-jwt-api';
import { ACTION_ID } from './action.js';
import { RUN_INPUTS } from './input-schema.js';

/**
 * Form pages and the answers on each. The form asks for what it cannot infer: the region is left
 * out, since the pool id names it (ref #2: the issuer's region is the pool id's prefix; the schema
 * holds the API to the same region) and the action takes it from there. `allowAnyOrigin` is left
 * out on purpose: the golden path offers no "*" origin (the generator's flag stays available to
 * those who need it). So is `githubRepository`: the form's publish step names the repository, and the
 * deploy workflow it brings is added to a service later with `update --github-repository`.
 */
const PAGES: ReadonlyArray<{ title: string; fields: readonly AnswerField[] }> = [
  { title: 'Service', fields: ['name', 'iac', 'runtime'] },
  { title: 'Amazon Cognito', fields: ['userPoolId', 'clientId', 'scopes', 'issuer'] },
  { title: 'Environments', fields: ['origins', 'devOrigins', 'devUserPoolId', 'devClientId'] },
  { title: 'Throttling', fields: ['rateLimit', 'burstLimit'] },
  { title: 'Custom domain', fields: ['domain', 'certificateArn'] },
];
export const FORM_OMITS: readonly AnswerField[] = [...DERIVED_FIELDS, 'allowAnyOrigin', 'githubRepository'];

/** Backstage `ui:` hints per answer. */
const UI: Partial<Record<AnswerField, Record<string, unknown>>> = {
  name: { 'ui:autofocus': true, 'ui:help': 'Also the catalog entity name (without an @scope/)' },
  userPoolId: { 'ui:help': 'Its prefix is the region of the pool and of the API: eu-west-1_AbCdEfGhI is in eu-west-1' },
  iac: { 'ui:widget': 'radio', 'ui:enumNames': Object.values(FLAVOURS).map((flavour) => flavour.title) },
  origins: {
    'ui:options': { orderable: false },
    'ui:help': 'The prod environment: scheme://host[:port] with https, e.g. https://app.example.com; no localhost',
  },
  devOrigins: {
    'ui:options': { orderable: false },
    'ui:help': 'The dev environment (and npm run dev): e.g. http://localhost:5173; http only for localhost',
  },
  devUserPoolId: { 'ui:help': "Leave empty for the prod environment's pool; in the same region, with a client of it" },
  devClientId: { 'ui:help': "An app client of the dev pool; leave empty for the prod environment's app client" },
  scopes: { 'ui:options': { orderable: false }, 'ui:help': 'Leave empty to accept any token of the pool' },
  issuer: { 'ui:help': 'Only for pools that emit https://issuer-cognito-idp.<region>.amazonaws.com/<pool id>' },
  domain: { 'ui:help': 'Optional; with a certificate ARN. The service README says how to point its DNS at the API' },
  certificateArn: { 'ui:help': "Its region must be the pool's: a regional custom domain takes no other" },
};

export function templateDocument() {
  const schema = answersJsonSchema();
  const page = (title: string, fields: readonly AnswerField[]) => ({
    title,
    required: fields.filter((field) => schema.required.includes(field)),
    properties: Object.fromEntries(
      fields.map((field) => [field, { ...schema.properties[field], ...UI[field] } satisfies JsonSchemaProperty]),
    ),
  });
  const answerFields = PAGES.flatMap((candidate) => candidate.fields);
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'cognito-jwt-api',
      title: 'HTTP API behind Amazon Cognito',
      description:
        'An API Gateway HTTP API whose routes accept only tokens of one Cognito user pool, callable from ' +
        'browsers (CORS preflight route included), deployed with AWS CDK, Terraform or AWS SAM.',
      tags: ['aws', 'cognito', 'api-gateway', 'typescript'],
    },
    spec: {
      owner: 'group:default/platform',
      type: 'service',
      parameters: [
        ...PAGES.map(({ title, fields }) => page(title, fields)),
        {
          title: 'Ownership',
          required: ['owner'],
          properties: {
            owner: {
              type: 'string',
              title: 'Owner',
              description: RUN_INPUTS.owner,
              'ui:field': 'OwnerPicker',
              'ui:options': { catalogFilter: { kind: 'Group' } },
            },
            system: {
              type: 'string',
              title: 'System',
              description: RUN_INPUTS.system,
              'ui:field': 'EntityPicker',
              'ui:options': { catalogFilter: { kind: 'System' } },
            },
          },
        },
        {
          title: 'Repository',
          required: ['repoUrl'],
          properties: {
            repoUrl: {
              type: 'string',
              title: 'Repository',
              'ui:field': 'RepoUrlPicker',
              'ui:options': { allowedHosts: ['github.com'] },
            },
          },
        },
      ],
      steps: [
        {
          id: 'create',
          name: 'Generate the service',
          action: ACTION_ID,
          input: {
            ...Object.fromEntries(answerFields.map((field) => [field, `\${{ parameters.${field} }}`])),
            owner: '${{ parameters.owner }}',
            system: '${{ parameters.system }}',
          },
        },
        {
          id: 'publish',
          name: 'Publish to GitHub',
          action: 'publish:github',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            description: 'HTTP API behind Amazon Cognito (${{ parameters.name }})',
            defaultBranch: 'main',
          },
        },
        {
          id: 'register',
          name: 'Register in the catalog',
          action: 'catalog:register',
          input: {
            repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}',
            catalogInfoPath: '/catalog-info.yaml',
          },
        },
      ],
      output: {
        links: [
          { title: 'Repository', url: '${{ steps.publish.output.remoteUrl }}' },
          { title: 'Open in catalog', icon: 'catalog', entityRef: '${{ steps.register.output.entityRef }}' },
        ],
      },
    },
  };
}
