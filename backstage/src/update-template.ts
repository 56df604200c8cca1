/**
 * The Backstage software template that updates a service (template/update-template.yaml): it
 * fetches the service's repository into the workspace, runs `cognito-jwt-api:update` on it, and
 * opens a pull request with the result, described by the action's summary. It registers nothing:
 * the service's entities are in the catalog already. `npm run template -w backstage` writes it.
 */
import { PACKAGE_NAME } from 'create-cognito-jwt-api';
import { UPDATE_ACTION_ID } from './update-action.js';

/** The repository's parts, as RepoUrlPicker's value (github.com?owner=acme&repo=orders-api) gives them. */
const REPO = (part: 'host' | 'owner' | 'repo') => `\${{ (parameters.repoUrl | parseRepoUrl).${part} }}`;

export function updateTemplateDocument() {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'cognito-jwt-api-update',
      title: 'Update an HTTP API behind Amazon Cognito',
      description:
        `Opens a pull request that brings a service created with ${PACKAGE_NAME} (or its template) to the ` +
        "templates of this version, merged with the service's own changes.",
      tags: ['aws', 'cognito', 'api-gateway', 'update'],
    },
    spec: {
      owner: 'group:default/platform',
      type: 'service',
      parameters: [
        {
          title: 'Service',
          required: ['repoUrl'],
          properties: {
            repoUrl: {
              type: 'string',
              title: 'Repository',
              description: "The service's repository",
              'ui:field': 'RepoUrlPicker',
              'ui:options': { allowedHosts: ['github.com'] },
            },
            targetPath: {
              type: 'string',
              title: 'Folder',
              description: 'Folder of the repository that holds the service (default: its root)',
            },
          },
        },
      ],
      steps: [
        {
          id: 'fetch',
          name: 'Fetch the repository',
          action: 'fetch:plain',
          input: { url: `https://${REPO('host')}/${REPO('owner')}/${REPO('repo')}` },
        },
        {
          id: 'update',
          name: 'Update the service',
          action: UPDATE_ACTION_ID,
          input: { targetPath: '${{ parameters.targetPath }}' },
        },
        {
          id: 'publish',
          name: 'Open a pull request',
          // Nothing to propose when the service is current.
          if: '${{ steps.update.output.changed }}',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            branchName: '${{ steps.update.output.branchName }}',
            title: '${{ steps.update.output.title }}',
            description: '${{ steps.update.output.summary }}',
            filesToDelete: '${{ steps.update.output.filesToDelete }}',
            // A pull request with conflicts to resolve is not ready for review.
            draft: '${{ steps.update.output.hasConflicts }}',
            // Run again before it is merged, the same branch and pull request take the new result.
            update: true,
          },
        },
      ],
      output: {
        links: [{ title: 'Pull request', url: '${{ steps.publish.output.remoteUrl }}' }],
        text: [{ title: 'Update', content: '${{ steps.update.output.summary }}' }],
      },
    },
  };
}
