"""Kept importable here, where earlier releases documented it: ``interview_parser.export.arrow``."""

from .export.arrow import (
    RESULTS as RESULTS,
)
from .export.arrow import (
    STATUS_EMPTY as STATUS_EMPTY,
)
from .export.arrow import (
    STATUS_ERROR as STATUS_ERROR,
)
from .export.arrow import (
    STATUS_OK as STATUS_OK,
)
from .export.arrow import (
    parse_batches as parse_batches,
)
from .export.arrow import (
    parse_record_batch as parse_record_batch,
)

__all__ = ["RESULTS", "STATUS_EMPTY", "STATUS_ERROR", "STATUS_OK", "parse_batches", "parse_record_batch"]
