/**
 * The programmatic update (`create-cognito-jwt-api/update`): a generated project's update computed
 * as the command line computes it, for fronts that write it elsewhere (the Backstage action writes
 * it into a task's workspace). Apart from the main entry because it carries the TypeScript parser
 * that reads a project's src/api.ts: only a caller that updates loads it.
 */
export { computeUpdate, type UpdateComputation } from './update/project.js';
export { changes, type PlanEntry } from './update/plan.js';
export { updateCatalogInfo, type CatalogInfoUpdate, type CatalogInfoValues } from './update/catalog-info.js';
export { refuseOverUnresolved } from './update/unresolved.js';
