// Runs in a folder where the Backstage scaffolder, its GitHub module and the packed
// cognito-jwt-api module are installed: starts a test backend with them, POSTs each request of the
// file named by argv[2] to the scaffolder's dry-run endpoint, and writes the responses to argv[3].
//   argv[2]: { "template": <template entity as JSON>, "requests": [{ "values": {...}, "template"?: <another> }, ...] }
//   argv[3]: [{ "status": 200, "body": {...} }, ...]
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { mockCredentials, startTestBackend } from '@backstage/backend-test-utils';
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
  ],
});
try {
  const url = `http://127.0.0.1:${backend.server.port()}/api/scaffolder/v2/dry-run`;
  const responses = [];
  for (const { values, template: own } of requests) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: mockCredentials.user.header() },
      body: JSON.stringify({ template: own ?? template, values, secrets: {}, directoryContents: [] }),
    });
    responses.push({ status: response.status, body: await response.json() });
  }
  writeFileSync(output, JSON.stringify(responses, null, 2));
} finally {
  await backend.stop();
}
// The stopped backend leaves handles that keep the process alive; the responses are written.
process.exit();
