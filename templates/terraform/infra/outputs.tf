output "api_url" {
  description = "Base URL of the HTTP API."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "issuer" {
  description = "The issuer the authorizer trusts."
  value       = local.issuer
}
