// Runs in a folder where the Backstage scaffolder, its GitHub module and the packed
// cognito-jwt-api module are installed: starts a test backend with them, POSTs each request of the
// file named by argv[2] to the scaffolder's dry-run endpoint, and writes the responses to argv[3].
//   argv[2]: { "template": <template entity as JSON>,
//              "requests": [{ "values": {...}, "template"?: <another>, "directoryContents"?: [...] }, ...] }
//   argv[3]: [{ "status": 200, "body": {...} }, ...]
// A request's directoryContents are the files of the template's folder, which a relative fetch
// step reads (the template editor sends its local folder so).
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

const [input, output] = process.argv.slice(2);
const { template, requests } = JSON.parse(readFileSync(input, 'utf8'));

// startTestBackend listens on every interface (host ''); the loopback interface is enough here.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, host, ...rest) {
  return host === '' ? listen.call(this, port, '127.0.0.1', ...rest) : listen.call(this, port, host, ...rest);
};

const backend = await startTestBackend({
  features: [
    import('@backstage/plugin-scaffolder-backend'),
    import('@backstage/plugin-scaffolder-backend-module-github'),
    import('backstage-plugin-scaffolder-backend-module-cognito-jwt-api'),
    catalogServiceMock.factory(),
    // publish:github:pull-request needs a token for its client before it sees the dry run, which
    // it then answers without a request to GitHub; this one is never sent.
    mockServices.rootConfig.factory({
      data: { integrations: { github: [{ host: 'github.com', token: 'dry-run-token-never-sent' }] } },
    }),
  ],
});
try {
  const url = `http://127.0.0.1:${backend.server.port()}/api/scaffolder/v2/dry-run`;
  const responses = [];
  for (const { values, template: own, directoryContents = [] } of requests) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: mockCredentials.user.header() },
      body: JSON.stringify({ template: own ?? template, values, secrets: {}, directoryContents }),
    });
    responses.push({ status: response.status, body: await response.json() });
  }
  writeFileSync(output, JSON.stringify(responses, null, 2));
} finally {
  await backend.stop();
}
// The stopped backend leaves handles that keep the process alive; the responses are written.
process.exit();
