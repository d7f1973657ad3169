"""Pipelines: when and how often the stages run. Plain functions here; Prefect flows wrap them."""
