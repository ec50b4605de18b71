"""Kept importable here, where earlier releases documented it: ``interview_parser.export.spark``."""

from .export.spark import (
    parse_dataframe as parse_dataframe,
)
from .export.spark import (
    publish_dataframe as publish_dataframe,
)
from .export.spark import (
    spark_schema as spark_schema,
)
from .export.spark import (
    transcripts_dataframe as transcripts_dataframe,
)

__all__ = ["parse_dataframe", "publish_dataframe", "spark_schema", "transcripts_dataframe"]
