# The API's own endpoint: the $default stage's invoke_url ends in "/", so "$API_URL/me" would ask for "//me".
output "api_url" {
  description = "Base URL of the HTTP API (its $default stage), without a trailing slash."
  value       = aws_apigatewayv2_api.http.api_endpoint
}

output "issuer" {
  description = "The issuer the authorizer trusts."
  value       = local.issuer
}

output "access_log_group" {
  description = "Log group of the access logs: one JSON line per request."
  value       = aws_cloudwatch_log_group.access.name
}
