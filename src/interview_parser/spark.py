"""Kept importable here, where earlier releases documented it: ``interview_parser.export.spark``."""

from .export.spark import (
    parse_dataframe as parse_dataframe,
)
from .export.spark import (
    spark_schema as spark_schema,
)

__all__ = ["parse_dataframe", "spark_schema"]
