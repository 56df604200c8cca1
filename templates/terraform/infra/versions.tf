terraform {
  required_version = <%- hcl(iacVersions.terraform) %>

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = <%- hcl(iacVersions.awsProvider) %>
    }
    archive = {
      source  = "hashicorp/archive"
      version = <%- hcl(iacVersions.archiveProvider) %>
    }
  }
}

provider "aws" {
  region = var.region
}
