/** src/fronts/projen/, a front: the projen project type, whose files `npx projen` regenerates. */
import { checkPeer } from '../peers.js';

export { CognitoJwtApiProject, type CognitoJwtApiProjectOptions } from './cognito-jwt-api-project.js';

checkPeer('projen', import.meta.url);
