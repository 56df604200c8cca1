# The answers this project was generated with, as defaults. The validation blocks apply the same
# rules as the generator, so an edited terraform.tfvars gets the same protection.

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = <%- hcl(resourcePrefix) %>

  validation {
    condition     = can(regex(<%- hcl(patterns.resourcePrefix) %>, var.name))
    error_message = "name must start with a letter and hold at most <%- hcl(resourcePrefixMax) %> letters, digits or dashes (IAM role name prefixes take 38 characters), e.g. \"orders-api\"."
  }
}

variable "region" {
  description = "AWS region of the user pool and the API."
  type        = string
  default     = <%- hcl(answers.region) %>

  validation {
    condition     = can(regex(<%- hcl(patterns.region) %>, var.region))
    error_message = "region must be an AWS region code, e.g. \"eu-west-1\"."
  }
}

variable "user_pool_id" {
  description = "Cognito user pool whose tokens the API accepts."
  type        = string
  default     = <%- hcl(answers.userPoolId) %>

  validation {
    condition     = can(regex(<%- hcl(patterns.userPoolId) %>, var.user_pool_id)) && length(var.user_pool_id) <= 55
    error_message = "user_pool_id must be a Cognito user pool id \"<region>_<id>\", e.g. \"eu-west-1_AbCdEfGhI\"."
  }

  # The issuer's region is the pool id's prefix.
  validation {
    condition     = startswith(var.user_pool_id, "${var.region}_")
    error_message = "user_pool_id must start with \"<region>_\" for the region in var.region."
  }
}

variable "client_id" {
  description = "App client id: the authorizer's audience."
  type        = string
  default     = <%- hcl(answers.clientId) %>

  validation {
    condition     = can(regex(<%- hcl(patterns.clientId) %>, var.client_id))
    error_message = "client_id must be a Cognito app client id of letters, digits, \"_\" or \"+\" (1-128 characters)."
  }
}

variable "allowed_origins" {
  description = "Browser origins allowed to call the API: scheme://host[:port], no path, no trailing slash."
  type        = list(string)
  default     = <%- hcl(api.cors.origins) %>

  validation {
    condition     = length(var.allowed_origins) > 0 && alltrue([for origin in var.allowed_origins : <% if (anyOrigin) { %>origin == "*" || <% } %>can(regex(<%- hcl(patterns.origin) %>, origin))])
    error_message = "allowed_origins must hold origins \"scheme://host[:port]\" with https (http only for localhost, 127.0.0.1, [::1]), e.g. \"https://app.example.com\"."
  }
}

variable "scopes" {
  description = "OAuth scopes of every protected route: a token must carry any one of them; empty checks no scope."
  type        = list(string)
  default     = <%- hcl(answers.scopes) %>

  validation {
    condition     = alltrue([for scope in var.scopes : can(regex(<%- hcl(patterns.scope) %>, scope))])
    error_message = "scopes must be standard scopes (openid, email, phone, profile, aws.cognito.signin.user.admin) or \"<resource-server>/<scope>\"."
  }
}

variable "lambda_runtime" {
  description = "Node.js runtime of the functions."
  type        = string
  default     = <%- hcl(answers.runtime) %>

  validation {
    condition     = contains(<%- hcl(runtimes) %>, var.lambda_runtime)
    error_message = <%- hcl(`lambda_runtime must be one of ${runtimes.join(', ')}.`) %>
  }
}
