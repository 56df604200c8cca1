/**
 * Backstage backend module: registers the scaffolder actions `cognito-jwt-api:create` and
 * `cognito-jwt-api:update`.
 *
 *   // packages/backend/src/index.ts
 *   backend.add(import('backstage-plugin-scaffolder-backend-module-cognito-jwt-api'));
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCognitoJwtApiAction } from './action.js';
import { createCognitoJwtApiUpdateAction } from './update-action.js';

export { ACTION_ID, createCognitoJwtApiAction } from './action.js';
export { UPDATE_ACTION_ID, createCognitoJwtApiUpdateAction } from './update-action.js';

export default createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'cognito-jwt-api',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createCognitoJwtApiAction(), createCognitoJwtApiUpdateAction());
      },
    });
  },
});
