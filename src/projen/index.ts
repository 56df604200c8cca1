export { CognitoJwtApiProject, type CognitoJwtApiProjectOptions } from './cognito-jwt-api-project.js';
