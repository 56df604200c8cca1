/**
 * The checks the Terraform AWS provider (hashicorp/terraform-provider-aws, v6) runs on the
 * arguments the generated configuration sets from another resource's attributes. ref #28:
 * Terraform runs them on mocked resources too, with the mock's values, so a mock must give those
 * attributes values that pass.
 *
 * Only top-level arguments the generated configuration sets from a reference are listed; add a
 * row when a template sets another validated argument from one.
 */

/** What a validated argument must hold. */
export type ArgumentShape = 'arn' | 'iam-policy-json' | 'iam-role-name' | 'lambda-function-name';

/** (resource type, argument) → shape. `data.` marks a data source. */
export const VALIDATED_ARGUMENTS: Record<string, Record<string, ArgumentShape>> = {
  // internal/service/iam/role.go: assume_role_policy has verify.ValidIAMPolicyJSON, permissions_boundary
  // verify.ValidARN.
  aws_iam_role: { assume_role_policy: 'iam-policy-json', permissions_boundary: 'arn' },
  // internal/service/iam/role_policy.go: policy has verify.ValidIAMPolicyJSON; role has
  // validRolePolicyRole (the role's name, not its ARN).
  aws_iam_role_policy: { policy: 'iam-policy-json', role: 'iam-role-name' },
  // internal/service/lambda/function.go: role has verify.ValidARN; function_name validFunctionName.
  aws_lambda_function: { role: 'arn', function_name: 'lambda-function-name' },
  // internal/service/lambda/permission.go: source_arn has verify.ValidARN; function_name validFunctionName.
  aws_lambda_permission: { source_arn: 'arn', function_name: 'lambda-function-name' },
};

/** The problem the provider would report for `value` of `shape`, or undefined when it passes. */
export function shapeProblem(shape: ArgumentShape, value: string): string | undefined {
  switch (shape) {
    case 'arn':
      return arnProblem(value);
    case 'iam-policy-json':
      return iamPolicyProblem(value);
    case 'iam-role-name':
      return iamRoleNameProblem(value);
    case 'lambda-function-name':
      return LAMBDA_FUNCTION_NAME.test(value) ? undefined : `is not a function name or ARN (${LAMBDA_FUNCTION_NAME})`;
  }
}

// internal/verify/validate.go
const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT_ID = /^(aws|aws-managed|third-party|\d{12}|cw.{10})$/;

/** verify.ValidARN: aws-sdk-go's arn.Parse (six `:`-separated sections), then partition, region, account, resource. */
function arnProblem(value: string): string | undefined {
  if (!value.startsWith('arn:')) return 'is an invalid ARN: arn: invalid prefix';
  const sections = value.split(':');
  if (sections.length < 6) return 'is an invalid ARN: arn: not enough sections';
  const [, partition, , region, account] = sections as [string, string, string, string, string];
  const resource = sections.slice(5).join(':');
  if (!PARTITION.test(partition)) return `is an invalid ARN: invalid partition value (expecting ${PARTITION})`;
  if (region !== '' && !REGION.test(region)) return `is an invalid ARN: invalid region value (expecting ${REGION})`;
  if (account !== '' && !ACCOUNT_ID.test(account))
    return `is an invalid ARN: invalid account ID value (expecting ${ACCOUNT_ID})`;
  if (resource === '') return 'is an invalid ARN: missing resource value';
  return undefined;
}

/** verify.ValidIAMPolicyJSON: a JSON object, the `{` first, within IAM's inline policy size. */
function iamPolicyProblem(value: string): string | undefined {
  if (!value.startsWith('{')) return 'contains an invalid JSON policy: not a JSON object';
  try {
    JSON.parse(value);
  } catch (error) {
    return `contains an invalid JSON policy: ${(error as Error).message}`;
  }
  return value.length > 10_240 ? 'exceeds the quota for PolicySize: 10240' : undefined;
}

/** validRolePolicyRole: 1-128 characters with one of [\w+=,.@-], and not an ARN. */
function iamRoleNameProblem(value: string): string | undefined {
  if (value.length < 1 || value.length > 128) return 'must be 1-128 characters';
  if (!/[\w+=,.@-]+/.test(value)) return 'must hold letters, digits or +=,.@_-';
  if (arnProblem(value) === undefined) return "must be the role's name not its ARN";
  return undefined;
}

// internal/service/lambda/permission.go: functionRegexp
const LAMBDA_FUNCTION_NAME =
  /^(arn:[\w-]+:lambda:)?([a-z]{2}-(?:[a-z]+-){1,2}\d{1}:)?(\d{12}:)?(function:)?([0-9A-Za-z_-]+)(:(\$LATEST|[0-9A-Za-z_-]+))?$/;
