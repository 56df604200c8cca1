/**
 * Backstage backend module: registers the scaffolder action `cognito-jwt-api:create`.
 *
 *   // packages/backend/src/index.ts
 *   backend.add(import('backstage-plugin-scaffolder-backend-module-cognito-jwt-api'));
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCognitoJwtApiAction } from './action.js';

export { ACTION_ID, createCognitoJwtApiAction } from './action.js';

export default createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'cognito-jwt-api',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createCognitoJwtApiAction());
      },
    });
  },
});
