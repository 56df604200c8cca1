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

# The DNS record of the custom domain points here: an alias record (Route 53) to this name in this
# hosted zone, or a CNAME to the name. null without a custom domain.
# https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
output "custom_domain_target" {
  description = "Target of the custom domain's DNS record: the regional domain name and its hosted zone id."
  value = var.domain_name == null ? null : {
    domain_name    = aws_apigatewayv2_domain_name.custom[0].domain_name_configuration[0].target_domain_name
    hosted_zone_id = aws_apigatewayv2_domain_name.custom[0].domain_name_configuration[0].hosted_zone_id
  }
}
