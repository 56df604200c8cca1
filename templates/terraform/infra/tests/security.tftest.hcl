# Security invariants, offline: `terraform test` (Terraform >= 1.9) with mocked providers.
# `npm test` checks the same invariants without Terraform (test/infra/terraform.test.ts).

# A mocked provider gives every computed attribute a random string, yet still runs the provider's
# own checks on every argument: where a computed attribute feeds a checked argument (a policy's
# JSON, a role's ARN or name, a source ARN), the defaults below give it a value of the real shape.
# https://developer.hashicorp.com/terraform/language/tests/mocking
# https://github.com/hashicorp/terraform-provider-aws/issues/36700
<% const account = '123456789012'; const region = answers.region; const fn = `${resourcePrefix}-handler`; -%>
mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = <%- hcl(JSON.stringify({ Version: '2012-10-17', Statement: [] })) %>
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      id   = <%- hcl(fn) %>
      name = <%- hcl(fn) %>
      arn  = <%- hcl(`arn:aws:iam::${account}:role/${fn}`) %>
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = <%- hcl(`arn:aws:logs:${region}:${account}:log-group:/aws/lambda/${fn}`) %>
    }
  }

  mock_resource "aws_lambda_function" {
    defaults = {
      arn                  = <%- hcl(`arn:aws:lambda:${region}:${account}:function:${fn}`) %>
      qualified_arn        = <%- hcl(`arn:aws:lambda:${region}:${account}:function:${fn}:$LATEST`) %>
      invoke_arn           = <%- hcl(`arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${account}:function:${fn}/invocations`) %>
      qualified_invoke_arn = <%- hcl(`arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${account}:function:${fn}:$LATEST/invocations`) %>
    }
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      id            = "a1b2c3d4e5"
      arn           = <%- hcl(`arn:aws:apigateway:${region}::/apis/a1b2c3d4e5`) %>
      execution_arn = <%- hcl(`arn:aws:execute-api:${region}:${account}:a1b2c3d4e5`) %>
      api_endpoint  = <%- hcl(`https://a1b2c3d4e5.execute-api.${region}.amazonaws.com`) %>
    }
  }
}

mock_provider "archive" {}

run "preflight_routes_have_no_authorizer" {
  command = apply

  assert {
    condition     = contains(keys(aws_apigatewayv2_route.preflight), "OPTIONS /{proxy+}")
    error_message = "OPTIONS /{proxy+} must exist, or preflights reach the authorizer."
  }

  assert {
    condition     = alltrue([for route in aws_apigatewayv2_route.preflight : route.authorization_type == "NONE" && route.authorizer_id == null])
    error_message = "OPTIONS routes must not have an authorizer: preflights carry no token."
  }
}

run "every_other_route_has_the_jwt_authorizer" {
  command = apply

  assert {
    condition     = alltrue([for key, route in aws_apigatewayv2_route.protected : !startswith(key, "OPTIONS ") && route.authorization_type == "JWT" && route.authorizer_id == aws_apigatewayv2_authorizer.cognito.id])
    error_message = "Every route but OPTIONS must use the JWT authorizer, or anyone may call it."
  }
}

run "authorizer_trusts_exactly_the_pool_and_client" {
  command = apply

  assert {
    condition     = can(regex("^https://(issuer-)?cognito-idp\\.${var.region}\\.amazonaws\\.com/${var.user_pool_id}$", aws_apigatewayv2_authorizer.cognito.jwt_configuration[0].issuer))
    error_message = "The issuer must be exactly https://cognito-idp.<region>.amazonaws.com/<userPoolId>, or issuer-cognito-idp for the newer issuer."
  }

  assert {
    condition     = toset(aws_apigatewayv2_authorizer.cognito.jwt_configuration[0].audience) == toset([var.client_id])
    error_message = "The audience must be the app client id: API Gateway matches it against aud, else client_id."
  }

  assert {
    condition     = toset(aws_apigatewayv2_authorizer.cognito.identity_sources) == toset(["$request.header.Authorization"])
    error_message = "The token must come from the Authorization header."
  }
}

run "cors_allows_exactly_the_origins_and_the_authorization_header" {
  command = apply

  assert {
    condition     = toset(aws_apigatewayv2_api.http.cors_configuration[0].allow_origins) == toset(var.allowed_origins)
    error_message = "CORS must allow exactly var.allowed_origins."
  }

  assert {
    condition     = contains(aws_apigatewayv2_api.http.cors_configuration[0].allow_headers, "authorization")
    error_message = "CORS must allow the authorization header by name: \"*\" never covers it."
  }

  assert {
    condition     = aws_apigatewayv2_api.http.cors_configuration[0].allow_credentials == false
    error_message = "CORS must not allow credentials: bearer tokens need none."
  }
}

run "integrations_use_payload_format_2" {
  command = apply

  assert {
    condition     = alltrue([for integration in aws_apigatewayv2_integration.handler : integration.integration_type == "AWS_PROXY" && integration.integration_method == "POST" && integration.payload_format_version == "2.0"])
    error_message = "Lambda integrations must be AWS_PROXY, POST, payload format 2.0, the format the handlers read."
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.name == "$default" && aws_apigatewayv2_stage.default.auto_deploy
    error_message = "A $default stage with auto-deploy must exist, or every request answers Not Found."
  }
}

run "refuses_a_pool_of_another_region" {
  command = plan

  variables {
    user_pool_id = "zz-west-9_Abc"
  }

  expect_failures = [var.user_pool_id]
}
<% if (!anyOrigin) { -%>

run "refuses_the_wildcard_origin" {
  command = plan

  variables {
    allowed_origins = ["*"]
  }

  expect_failures = [var.allowed_origins]
}
<% } -%>

run "refuses_a_plain_http_origin" {
  command = plan

  variables {
    allowed_origins = ["http://app.example.com"]
  }

  expect_failures = [var.allowed_origins]
}
