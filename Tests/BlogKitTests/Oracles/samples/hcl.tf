# Terraform for a static blog on S3 + CloudFront ("Hosting a blog for pennies").

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket = "example-terraform-state"
    key    = "blog/terraform.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type        = string
  default     = "eu-central-1"
  description = "AWS region for the bucket"
}

variable "domain" {
  type = string
}

variable "price_class" {
  type    = string
  default = "PriceClass_100"

  validation {
    condition     = can(regex("^PriceClass_(100|200|All)$", var.price_class))
    error_message = "The price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

locals {
  bucket_name = "blog-${replace(var.domain, ".", "-")}"
  default_ttl = 3600
  max_ttl     = 604800 # one week
  common_tags = {
    Project   = "blog"
    ManagedBy = "terraform"
  }
  /* Extra origins can be added here later. */
  cache_paths = ["/assets/*", "/img/*"]
}

resource "aws_s3_bucket" "site" {
  bucket        = local.bucket_name
  force_destroy = false
  tags          = merge(local.common_tags, { Name = local.bucket_name })
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled             = true
  is_ipv6_enabled     = true
  default_root_object = "index.html"
  price_class         = var.price_class
  aliases             = [var.domain, "www.${var.domain}"]

  origin {
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "s3-${local.bucket_name}"
  }

  default_cache_behavior {
    target_origin_id       = "s3-${local.bucket_name}"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    default_ttl            = local.default_ttl
    max_ttl                = local.max_ttl
    compress               = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = var.domain == "" ? true : false
    minimum_protocol_version       = "TLSv1.2_2021"
  }

  tags = local.common_tags
}

output "cdn_domain" {
  value       = aws_cloudfront_distribution.cdn.domain_name
  description = "Point your DNS CNAME here"
}

output "cache_paths" {
  value = join(",", local.cache_paths)
}

output "readme" {
  value = <<-EOT
    Upload the site with:
      aws s3 sync ./public s3://${local.bucket_name} --delete
  EOT
}
