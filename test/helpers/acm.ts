/**
 * An ACM stand-in on loopback: DescribeCertificate (JSON 1.1, as the SDK speaks it) answered from
 * the certificates it is given, ResourceNotFoundException for any other ARN, and a count of calls.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCertificate {
  Status: string;
  DomainName: string;
  SubjectAlternativeNames?: string[];
}

export interface FakeAcm {
  endpoint: string;
  /** Environment for the SDK: this endpoint and dummy credentials. */
  env: Record<string, string>;
  /** The ARNs asked about, in order. */
  asked: string[];
  /** The region each request was signed for, in order. */
  regions: string[];
  stop(): Promise<void>;
}

export async function startFakeAcm(certificates: Record<string, FakeCertificate>): Promise<FakeAcm> {
  const asked: string[] = [];
  const regions: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const arn = String((JSON.parse(body || '{}') as { CertificateArn?: string }).CertificateArn);
      const reply = (status: number, payload: object, errorType?: string) => {
        response.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        });
        response.end(JSON.stringify(payload));
      };
      if (target !== 'CertificateManager.DescribeCertificate')
        return reply(400, { __type: 'UnknownOperationException', message: target }, 'UnknownOperationException');
      asked.push(arn);
      regions.push(/Credential=[^/]+\/\d+\/([^/]+)\/acm\//.exec(String(request.headers.authorization))?.[1] ?? '');
      const certificate = certificates[arn];
      if (!certificate) {
        const message = `Could not find certificate ${arn}.`;
        return reply(400, { __type: 'ResourceNotFoundException', message }, 'ResourceNotFoundException');
      }
      reply(200, { Certificate: { CertificateArn: arn, ...certificate } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: {
      AWS_ENDPOINT_URL_ACM: endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    asked,
    regions,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
