/**
 * An interactive run's use of AWS: one Cognito client per region, whether credentials resolve,
 * and the lists the pickers offer. A list that cannot be had is said in one line, and the run
 * goes on with a typed id; once AWS proved out of reach, it is not called again.
 */
import { configuredRegion, type CognitoAccess } from '../aws/cognito.js';
import { AwsUnavailableError } from '../errors.js';

/** The first sentence of an error's message, without its full stop: the reason, for one line. */
export function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split(/(?<=\.) /)[0]!.replace(/\.$/, '');
}

export class AwsLink {
  private readonly accesses = new Map<string, Promise<CognitoAccess>>();
  private credentials: Promise<boolean> | undefined;
  /** Why AWS could not be reached, once a call found out. */
  unreachable: string | undefined;

  constructor(
    private readonly connect: (region: string) => Promise<CognitoAccess>,
    private readonly log: (text: string) => void,
    private readonly options: { profile?: string; env?: Record<string, string | undefined> },
  ) {}

  access(region: string): Promise<CognitoAccess> {
    const access = this.accesses.get(region) ?? this.connect(region);
    this.accesses.set(region, access);
    return access;
  }

  /** Whether the SDK finds credentials (the same for every region). */
  signedIn(region: string): Promise<boolean> {
    this.credentials ??= this.access(region).then((access) => access.credentialsAvailable());
    return this.credentials;
  }

  /** The region to list pools in before any pool id is known: the environment's or the profile's, if any. */
  async defaultRegion(): Promise<string | undefined> {
    const env = this.options.env ?? {};
    return env.AWS_REGION || env.AWS_DEFAULT_REGION || (await configuredRegion(this.options.profile));
  }

  /** `what`, listed from Cognito; `undefined`, said in one line, when the list cannot be had. */
  async list<T>(
    what: string,
    region: string,
    fetch: (access: CognitoAccess) => Promise<T[]>,
  ): Promise<T[] | undefined> {
    if (this.unreachable !== undefined) return undefined;
    try {
      return await fetch(await this.access(region));
    } catch (error) {
      if (error instanceof AwsUnavailableError && error.unreachable) this.unreachable = reasonOf(error);
      this.log(`Could not list ${what} (${reasonOf(error)}); type the ID instead.`);
      return undefined;
    }
  }
}
