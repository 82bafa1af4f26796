"""Generates AWS CLI artifacts from botocore service models."""
