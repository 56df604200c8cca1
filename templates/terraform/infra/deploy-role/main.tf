# The roles the deploy workflow assumes, one per GitHub environment, through GitHub's OIDC
# provider: no AWS key is stored anywhere. Each trusts one `sub`, this repository's jobs in its
# environment, and may manage the API's resources (names starting with var.name) and the
# Terraform state bucket below, nothing else; the functions' roles it creates carry the boundary
# below, so that it cannot make a role that does more.
# https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  # GitHub's token issuer; its audience for AWS is sts.amazonaws.com.
  oidc_host = "token.actions.githubusercontent.com"
  oidc_provider_arn = (var.create_oidc_provider
    ? aws_iam_openid_connect_provider.github[0].arn
  : data.aws_iam_openid_connect_provider.github[0].arn)
  # The API's resources, as infra/main.tf names them.
  prefix = "arn:${local.partition}:%s:${var.region}:${local.account}:%s"
}

# An account holds one provider per URL: set create_oidc_provider = false to use the one it has.
# AWS trusts GitHub's certificate authority itself, so no thumbprint is pinned.
# https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
resource "aws_iam_openid_connect_provider" "github" {
  count          = var.create_oidc_provider ? 1 : 0
  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 0 : 1
  url   = "https://${local.oidc_host}"
}

data "aws_iam_policy_document" "trust" {
  for_each = var.environments

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
    # Exactly this repository's jobs that run in this environment: no other repository, no branch or
    # pull request without the environment, no wildcard.
    # https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${var.repository}:environment:${each.key}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  for_each             = var.environments
  name                 = "${var.name}-github-deploy-${each.key}"
  description          = "Assumed by ${var.repository}'s deploy workflow in the GitHub environment ${each.key}"
  assume_role_policy   = data.aws_iam_policy_document.trust[each.key].json
  max_session_duration = 3600
}

# What `terraform apply` of infra/ needs, on the API's resources alone.
data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "HttpApi"
    actions   = ["apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"]
    resources = ["arn:${local.partition}:apigateway:${var.region}::/apis", "arn:${local.partition}:apigateway:${var.region}::/apis/*", "arn:${local.partition}:apigateway:${var.region}::/tags/*"]
  }
  statement {
    sid = "Functions"
    actions = [
      "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration",
      "lambda:GetFunctionCodeSigningConfig", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
      "lambda:ListVersionsByFunction", "lambda:AddPermission", "lambda:RemovePermission", "lambda:GetPolicy",
      "lambda:TagResource", "lambda:UntagResource", "lambda:ListTags",
    ]
    resources = [format(local.prefix, "lambda", "function:${var.name}-*")]
  }
  # The functions' roles: created, written, retrusted and deleted only with the boundary below on
  # them. Whatever policy a role made here is given, it can do no more than the boundary allows.
  # https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  statement {
    sid = "FunctionRoles"
    actions = [
      "iam:CreateRole", "iam:DeleteRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:UpdateAssumeRolePolicy",
      "iam:PutRolePermissionsBoundary",
    ]
    resources = ["arn:${local.partition}:iam::${local.account}:role/${var.name}-*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [aws_iam_policy.function_boundary.arn]
    }
  }
  statement {
    sid = "ReadFunctionRoles"
    actions = [
      "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
      "iam:ListInstanceProfilesForRole", "iam:TagRole", "iam:UntagRole",
    ]
    resources = ["arn:${local.partition}:iam::${local.account}:role/${var.name}-*"]
  }
  statement {
    sid       = "PassFunctionRolesToLambda"
    actions   = ["iam:PassRole"]
    resources = ["arn:${local.partition}:iam::${local.account}:role/${var.name}-*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
  # The deploy roles match var.name too: none may change itself or another deploy role.
  statement {
    sid       = "NotTheDeployRoles"
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["arn:${local.partition}:iam::${local.account}:role/${var.name}-github-deploy-*"]
  }
  # Nor lift a boundary from any role, or change a policy (the boundary's, for one).
  statement {
    sid    = "KeepTheBoundary"
    effect = "Deny"
    actions = [
      "iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
      "iam:DeletePolicyVersion", "iam:DeletePolicy",
    ]
    resources = ["*"]
  }
  statement {
    sid = "LogGroups"
    actions = [
      "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
      "logs:TagResource", "logs:UntagResource", "logs:ListTagsForResource", "logs:TagLogGroup", "logs:ListTagsLogGroup",
    ]
    resources = [
      format(local.prefix, "logs", "log-group:/aws/lambda/${var.name}-*"),
      format(local.prefix, "logs", "log-group:/aws/apigateway/${var.name}-*"),
    ]
  }
  # Listing log groups and wiring a stage's access log to its group take no resource ARN.
  # https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html
  statement {
    sid = "AccessLogDelivery"
    actions = [
      "logs:DescribeLogGroups", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
    ]
    resources = ["*"]
  }
  statement {
    sid       = "StateBucket"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.state.arn]
  }
  statement {
    sid       = "StateObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.state.arn}/*"]
  }
}

# The most a function role may do, whatever policy the deploy gives it: write the API's functions'
# logs. A function that needs more (a table, a queue) needs it here too. This configuration is
# applied with your own credentials, so the deploy workflow cannot widen it.
data "aws_iam_policy_document" "function_boundary" {
  statement {
    sid       = "FunctionLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [format(local.prefix, "logs", "log-group:/aws/lambda/${var.name}-*:*")]
  }
}

resource "aws_iam_policy" "function_boundary" {
  name        = "${var.name}-function-boundary"
  description = "The most the API's function roles may do: the deploy roles create roles with this boundary only."
  policy      = data.aws_iam_policy_document.function_boundary.json
}

resource "aws_iam_role_policy" "deploy" {
  for_each = var.environments
  name     = "deploy-${var.name}"
  role     = aws_iam_role.deploy[each.key].id
  policy   = data.aws_iam_policy_document.deploy.json
}

# The deploy workflow's Terraform state (infra/), one object per workspace, versioned so that a
# state can be brought back. https://developer.hashicorp.com/terraform/language/backend/s3
resource "aws_s3_bucket" "state" {
  bucket = lower("${var.name}-tfstate-${local.account}")
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
