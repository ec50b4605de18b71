"""Parse options: one frozen record, passed explicitly, never read from the environment."""

from __future__ import annotations

from typing import Literal

import attrs

from .errors import OptionsError

Format = Literal["auto", "text", "html"]

DEFAULT_MAX_BYTES = 32 * 1024 * 1024


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse one document.

    ``format`` forces the front end (``auto`` sniffs HTML from text); ``max_bytes`` refuses
    inputs larger than that with ``InputTooLargeError`` (pathological pages should fail
    fast, not stall a batch); ``disabled_stages`` switches stages off by name;
    ``min_interview_score`` is the verdict's threshold: a page scoring below it is not an
    interview and gets no exchanges (0 keeps every candidate exchange); ``detect_language``
    fills ``language`` from the text when the page does not state it (the ``language``
    extra; off by default, so output never depends on what is installed).
    """

    format: Format = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    disabled_stages: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    max_html_depth: int = 256
    min_interview_score: float = 0.5
    detect_language: bool = False

    def __attrs_post_init__(self) -> None:
        if self.format not in ("auto", "text", "html"):
            raise OptionsError(f"format: expected 'auto', 'text' or 'html', got {self.format!r}")
        for name in ("max_bytes", "max_html_depth"):
            value = getattr(self, name)
            if not isinstance(value, int) or value <= 0:
                raise OptionsError(f"{name}: expected a positive whole number, got {value!r}")
        if not 0.0 <= self.min_interview_score <= 1.0:
            raise OptionsError(
                f"min_interview_score: expected a number from 0 to 1, got {self.min_interview_score!r}"
            )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form, for provenance metadata in exported files."""
        return {
            "format": self.format,
            "max_bytes": self.max_bytes,
            "disabled_stages": sorted(self.disabled_stages),
            "max_html_depth": self.max_html_depth,
            "min_interview_score": self.min_interview_score,
            "detect_language": self.detect_language,
        }
