"""Kept importable here, where earlier releases documented it: ``interview_parser.export.dataset``."""

from .export.dataset import (
    DEFAULT_SHARD as DEFAULT_SHARD,
)
from .export.dataset import (
    publish as publish,
)
from .export.dataset import (
    sha256_of as sha256_of,
)
from .export.dataset import (
    validate as validate,
)

__all__ = ["DEFAULT_SHARD", "publish", "sha256_of", "validate"]
