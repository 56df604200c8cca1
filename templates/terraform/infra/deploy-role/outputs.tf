output "role_arns" {
  description = "Each environment's role: its AWS_ROLE_ARN variable in the GitHub environment of that name."
  value       = { for environment, role in aws_iam_role.deploy : environment => role.arn }
}

output "state_bucket" {
  description = "The Terraform state bucket of the deploy workflow: the TF_STATE_BUCKET variable of every environment."
  value       = aws_s3_bucket.state.bucket
}
