/**
 * Read-only access to ACM for --verify: the certificate of the custom domain, described in the
 * API's region with the same credentials, retries and errors as Cognito's calls (cognito.ts). The
 * SDK's ACM client loads only when a run checks a custom domain.
 */
import type { ACMClient } from '@aws-sdk/client-acm';
import { ATTEMPTS, type AccessOptions, clientConfig } from './cognito.js';
import { ACM, withRetries } from './failures.js';

export interface CertificateDetails {
  arn: string;
  /** ISSUED, PENDING_VALIDATION, EXPIRED, ... */
  status: string;
  /** The names the certificate covers: its domain name and its subject alternative names. */
  domainNames: string[];
}

export interface CertificateAccess {
  /** `undefined` when the region holds no such certificate (for these credentials' account). */
  describeCertificate(arn: string): Promise<CertificateDetails | undefined>;
}

async function loadSdk() {
  // As for Cognito's client (cognito.ts): a release that runs on every Node version this tool supports.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const loaded = await import('@aws-sdk/client-acm');
  // A CommonJS package: bundled, its exports arrive as the default export.
  return ('ACMClient' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default) as typeof loaded;
}

export async function createCertificateAccess(options: AccessOptions): Promise<CertificateAccess> {
  const sdk = await loadSdk();
  const client: ACMClient = new sdk.ACMClient(clientConfig(options));
  const backoffMs = options.backoffMs ?? 200;
  return {
    async describeCertificate(arn) {
      const context = {
        service: ACM,
        action: 'DescribeCertificate',
        resource: arn,
        region: options.region,
        profile: options.profile,
        notFoundIsAnswer: true,
      };
      try {
        const { Certificate: certificate } = await withRetries(
          context,
          () => client.send(new sdk.DescribeCertificateCommand({ CertificateArn: arn })),
          { attempts: ATTEMPTS, backoffMs },
        );
        if (!certificate) return undefined;
        const names = [certificate.DomainName, ...(certificate.SubjectAlternativeNames ?? [])];
        return {
          arn: certificate.CertificateArn ?? arn,
          status: certificate.Status ?? 'unknown',
          domainNames: [...new Set(names.filter((name): name is string => Boolean(name)))],
        };
      } catch (error) {
        if ((error as { name?: string })?.name === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    },
  };
}

/**
 * Whether a certificate name covers `domain`: the same name, or a wildcard `*.<parent>` that
 * stands for exactly one label in front of `<parent>` (not the parent itself, not two labels).
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#wildcard-names
 */
export function certificateCovers(certificateName: string, domain: string): boolean {
  const name = certificateName.toLowerCase().replace(/\.$/, '');
  const host = domain.toLowerCase().replace(/\.$/, '');
  if (!name.startsWith('*.')) return name === host;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === name.slice(2);
}
