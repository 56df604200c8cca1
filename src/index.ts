/**
 * The programmatic API: the answers schema and its checks, the pure renderer, the project record
 * that `update` reads, and the verification against Cognito (the update itself is
 * `create-cognito-jwt-api/update`, update-api.ts). The fronts (CLI, Yeoman generator,
 * Backstage action, projen project type) are built on these.
 */
export * from './errors.js';
export {
  AnswersFields,
  AnswersSchema,
  ANSWER_FIELDS,
  FLAG_LABELS,
  IAC_FLAVOURS,
  LAMBDA_RUNTIMES,
  TITLE_LABELS,
} from './schema/answers.js';
export type { AnswerField, AnswerLabels, Answers, AnswersInput, GivenAnswers } from './schema/answers.js';
export {
  checkAnswer,
  choicesOf,
  exampleOf,
  issuerOf,
  parseAnswers,
  REQUIRED_FIELDS,
  DERIVED_FIELDS,
} from './schema/parse.js';
export { resolveFormAnswers } from './schema/given.js';
export { answersJsonSchema, type JsonSchemaProperty } from './schema/json-schema.js';
export { ANSWER_OPTIONS, answersFromOptions } from './session/answer-options.js';
export { describeApi, type ApiModel, type ApiRoute } from './model/api-model.js';
export { unscopedName } from './schema/rules.js';
export { FLAVOURS } from './render/flavours.js';
export { renderProject, type RenderedFile } from './render/render-project.js';
export type { RenderOptions } from './render/template-data.js';
export { parseRoutes, ROUTE_METHODS, type ProtectedRoute } from './schema/routes.js';
export { checkTargetPaths, refuseLinks } from './io/confine.js';
export { projectFiles, PRISTINE_PATH, recordOf, yoRcWith, YO_RC_PATH } from './update/record.js';
export { CATALOG_INFO_PATH, TEMPLATE_VERSION_ANNOTATION } from './update/catalog-info-fields.js';
export { verifyAnswers, formatReport, type VerificationReport } from './aws/verify.js';
export { createCognitoAccess } from './aws/cognito.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
