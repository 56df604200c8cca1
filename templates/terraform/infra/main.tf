# The HTTP API: a JWT authorizer for the user pool on every route, unauthenticated OPTIONS routes
# served by the preflight function, CORS from the allowlist, one function per handler. The
# handlers are bundled into ../dist/<handler>/ by `npm run build`. Keep `routes` and the CORS
# methods equal to src/api.ts; `npm test` checks that they are.

locals {
  # Exactly https://<host>.<region>.amazonaws.com/<userPoolId>, no trailing slash: the authorizer
  # compares `iss` with it character for character. The host is issuer-cognito-idp only for pools
  # that emit the newer issuer.
  issuer_host = <%- hcl(issuerHost) %>
  issuer      = "https://${local.issuer_host}.${var.region}.amazonaws.com/${var.user_pool_id}"

  # Protected routes: "<METHOD> <path>" => the handler in src/handlers/ and its scopes (a token must carry any one of them).
  routes = {
<% const keyWidth = Math.max(...protectedRoutes.map((route) => hcl(`${route.method} ${route.path}`).length)); -%>
<% for (const route of protectedRoutes) { -%>
    <%- hcl(`${route.method} ${route.path}`).padEnd(keyWidth) %> = { handler = <%- hcl(route.handler) %>, scopes = <% if (route.ownScopes) { %><%- hcl(route.scopes) %><% } else { %>var.scopes<% } %> }
<% } -%>
  }

  # Unauthenticated preflight routes: they outrank the protected ones for OPTIONS. Whether
  # `/{proxy+}` matches `/` is not documented, so both.
  # https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
  preflight_handler    = <%- hcl(preflight.handler) %>
  preflight_route_keys = <%- hcl(preflight.paths.map((path) => `OPTIONS ${path}`)) %>

  handlers = toset(concat([local.preflight_handler], [for route in values(local.routes) : route.handler]))

  cors = {
    allow_origins = var.allowed_origins
    # Every method the routes use, and OPTIONS.
    allow_methods = <%- hcl(api.cors.methods) %>
    # `authorization` by name: a "*" never covers it (https://fetch.spec.whatwg.org/#cors-protocol).
    allow_headers = <%- hcl(api.cors.headers) %>
    # Chromium caps preflight caching at 7200 s.
    max_age = <%- hcl(api.cors.maxAge) %>
  }

  # The functions' own CORS policy (src/lib/cors.ts), from the same values.
  cors_environment = {
    CORS_ALLOW_ORIGINS = join(",", local.cors.allow_origins)
    CORS_ALLOW_METHODS = join(",", local.cors.allow_methods)
    CORS_ALLOW_HEADERS = join(",", local.cors.allow_headers)
    CORS_MAX_AGE       = tostring(local.cors.max_age)
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  description   = "HTTP API behind a Cognito JWT authorizer"
  protocol_type = "HTTP"

  # API Gateway adds these headers to every response and ignores those the functions send.
  # https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
  cors_configuration {
    allow_origins = local.cors.allow_origins
    allow_methods = local.cors.allow_methods
    allow_headers = local.cors.allow_headers
    max_age       = local.cors.max_age
    # Bearer tokens need no credentials mode, and API Gateway refuses it with the origin "*".
    allow_credentials = false
  }
}

# The token from the Authorization header (bare or after "Bearer"), issuer exactly the pool's,
# audience the client id (matched against `aud`, else `client_id`, which access tokens carry).
# https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.http.id
  name             = "cognito-jwt"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    audience = [var.client_id]
    issuer   = local.issuer
  }
}

# Without a $default stage with auto-deploy every request answers Not Found.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

# One file mode for every archived file, so that the zip, and the source_code_hash Lambda compares,
# is the same on every machine whatever its umask or OS.
# https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file#output_file_mode
data "archive_file" "handler" {
  for_each         = local.handlers
  type             = "zip"
  source_dir       = "${path.module}/../dist/${each.key}"
  output_path      = "${path.module}/.build/${each.key}.zip"
  output_file_mode = "0666"
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "handler" {
  name_prefix        = "${var.name}-"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

resource "aws_cloudwatch_log_group" "handler" {
  for_each          = local.handlers
  name              = "/aws/lambda/${var.name}-${each.key}"
  retention_in_days = 30
}

# Least privilege: the functions may write their own logs and nothing else.
data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [for group in aws_cloudwatch_log_group.handler : "${group.arn}:*"]
  }
}

resource "aws_iam_role_policy" "logs" {
  name   = "write-own-logs"
  role   = aws_iam_role.handler.id
  policy = data.aws_iam_policy_document.logs.json
}

resource "aws_lambda_function" "handler" {
  for_each         = local.handlers
  function_name    = "${var.name}-${each.key}"
  description      = "src/handlers/${each.key}.ts"
  role             = aws_iam_role.handler.arn
  runtime          = var.lambda_runtime
  architectures    = ["arm64"]
  handler          = "index.handler"
  filename         = data.archive_file.handler[each.key].output_path
  source_code_hash = data.archive_file.handler[each.key].output_base64sha256
  memory_size      = 256
  timeout          = 10

  environment {
    variables = local.cors_environment
  }

  depends_on = [aws_cloudwatch_log_group.handler, aws_iam_role_policy.logs]
}

# Terraform defaults payload_format_version to 1.0; the handlers expect 2.0.
# https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
resource "aws_apigatewayv2_integration" "handler" {
  for_each               = local.handlers
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.handler[each.key].invoke_arn
  integration_method     = "POST"
  payload_format_version = "2.0"
}

# Preflights carry no token, so these routes have no authorizer.
resource "aws_apigatewayv2_route" "preflight" {
  for_each           = toset(local.preflight_route_keys)
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = each.key
  authorization_type = "NONE"
  target             = "integrations/${aws_apigatewayv2_integration.handler[local.preflight_handler].id}"
}

# Every other route has the JWT authorizer and its scopes (any one of them admits a token).
resource "aws_apigatewayv2_route" "protected" {
  for_each             = local.routes
  api_id               = aws_apigatewayv2_api.http.id
  route_key            = each.key
  authorization_type   = "JWT"
  authorizer_id        = aws_apigatewayv2_authorizer.cognito.id
  authorization_scopes = length(each.value.scopes) > 0 ? each.value.scopes : null
  target               = "integrations/${aws_apigatewayv2_integration.handler[each.value.handler].id}"
}

# Only this API may invoke the functions.
resource "aws_lambda_permission" "api" {
  for_each      = local.handlers
  statement_id  = "AllowApiGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.handler[each.key].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}
