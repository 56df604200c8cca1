/**
 * What a failed AWS call (Cognito's, ACM's) becomes: retried (throttling, the network, server
 * errors), or one of our errors that says what to do. Only a failure none of these covers keeps
 * its stack, as a bug.
 */
import { AwsAccessDeniedError, AwsCredentialsError, AwsRequestError, AwsUnavailableError } from '../errors.js';

/** An AWS service as messages name it: its IAM prefix, its name, and the variable that sets its endpoint. */
export interface AwsService {
  prefix: string;
  name: string;
  endpointVariable: string;
}

export const COGNITO: AwsService = {
  prefix: 'cognito-idp',
  name: 'Cognito',
  endpointVariable: 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
};
export const ACM: AwsService = { prefix: 'acm', name: 'ACM', endpointVariable: 'AWS_ENDPOINT_URL_ACM' };

/** The call that failed, for messages. */
export interface CallContext {
  /** Cognito unless given. */
  service?: AwsService;
  action: string;
  resource: string;
  region: string;
  profile?: string;
  /** Whether "not found" is an answer the caller handles (a describe call), not a failure. */
  notFoundIsAnswer?: boolean;
}

export type Transient = 'throttled' | 'network' | 'server';
export type Failure = { retry: Transient } | { retry?: undefined; error: unknown };

const DENIED = [
  'AccessDeniedException',
  'NotAuthorizedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
];
const THROTTLED = ['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException'];
const NETWORK = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'TimeoutError',
  'NetworkingError',
];

function nameOf(error: unknown): string {
  const value = error as { name?: string; code?: string; cause?: { code?: string } };
  return value?.code ?? value?.cause?.code ?? value?.name ?? '';
}

/** The HTTP status of the answer the error came from; undefined when there was no answer. */
function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

export function failureOf(error: unknown, call: CallContext): Failure {
  const name = nameOf(error);
  const fault = (error as { $fault?: string })?.$fault;
  const status = statusOf(error);
  const service = call.service ?? COGNITO;
  const action = `${service.prefix}:${call.action}`;
  if (name === 'CredentialsProviderError') return { error: new AwsCredentialsError(call.profile) };
  if (DENIED.includes(name)) return { error: new AwsAccessDeniedError(action, call.resource) };
  if (name === 'ResourceNotFoundException' && call.notFoundIsAnswer) return { error };
  if (THROTTLED.includes(name) || status === 429) return { retry: 'throttled' };
  if (NETWORK.includes(name)) return { retry: 'network' };
  if (fault === 'server' || (status !== undefined && status >= 500)) return { retry: 'server' };
  if (status !== undefined && status >= 400 && fault === 'client') {
    // The service's own refusal (an invalid parameter, say): its first line names the problem.
    return {
      error: new AwsRequestError(
        action,
        call.resource,
        name,
        status,
        String((error as Error).message ?? '').split('\n')[0]!,
      ),
    };
  }
  if (status !== undefined) {
    // An answer Cognito's client could not read (a proxy's or a portal's page, a redirect).
    return {
      error: new AwsUnavailableError(
        `The endpoint for ${action} in ${call.region} answered with something other than ${service.name}'s API ` +
          `(HTTP ${status}). ` +
          `Expected ${service.name}: check a proxy, or ${endpointSetting(service)}.`,
      ),
    };
  }
  return { error };
}

/** The error for a transient failure that outlasted the retries. */
export function gaveUp(kind: Transient, error: unknown, call: CallContext, attempts: number): AwsUnavailableError {
  const service = call.service ?? COGNITO;
  const action = `${service.prefix}:${call.action}`;
  if (kind === 'throttled') {
    return new AwsUnavailableError(
      `${service.name} kept throttling ${action} in ${call.region} after ${attempts} attempts. Expected a quieter ` +
        `moment: try again shortly.`,
    );
  }
  if (kind === 'server') {
    return new AwsUnavailableError(
      `${service.name} answered ${action} in ${call.region} with a server error after ${attempts} attempts ` +
        `(${nameOf(error)}, HTTP ${statusOf(error) ?? '5xx'}). ` +
        `Expected the service back: try again shortly, and check ${endpointSetting(service)}.`,
    );
  }
  return new AwsUnavailableError(
    `Could not reach ${service.name} in ${call.region} for ${action} after ${attempts} attempts ` +
      `(${nameOf(error)}). ` +
      `Expected a network path to AWS; check the connection, a proxy, or ${endpointSetting(service)}.`,
    true,
  );
}

/**
 * `send`, retried with a doubling back-off on throttling, network and server errors, at most
 * `attempts` times; any other failure, or the last, as one of our errors (failureOf, gaveUp).
 */
export async function withRetries<T>(
  context: CallContext,
  send: () => Promise<T>,
  { attempts, backoffMs }: { attempts: number; backoffMs: number },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const failure = failureOf(error, context);
      if (!failure.retry) throw failure.error;
      if (attempt >= attempts) throw gaveUp(failure.retry, error, context, attempt);
      await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
  }
}

/** The setting that sends the SDK elsewhere than AWS, with its value when one is set. */
function endpointSetting(service: AwsService, env: NodeJS.ProcessEnv = process.env): string {
  for (const name of [service.endpointVariable, 'AWS_ENDPOINT_URL']) {
    if (env[name]) return `${name} (set to ${env[name]})`;
  }
  return 'AWS_ENDPOINT_URL if it is set';
}
