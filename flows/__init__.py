"""Prefect flows: thin wrappers over the pipeline library."""
