// `yo cognito-jwt-api` and yeoman-environment's lookup (Backstage's run:yeoman) find generators in
// packages named generator-*; this one is create-cognito-jwt-api's generator under that name.
export { default } from 'create-cognito-jwt-api/generators/app';
