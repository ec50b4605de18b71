"""The exception hierarchy: one root, each subclass also the builtin it refines.

Recoverable oddities are not raised; they become ``Diagnostic`` records on the result.
"""

from __future__ import annotations


class InterviewParserError(Exception):
    """Root of every error this library raises on purpose."""


class InputError(InterviewParserError, ValueError):
    """The input cannot be read as an interview page at all."""


class EmptyInputError(InputError):
    """The input holds no visible text."""


class BinaryInputError(InputError):
    """The input looks like binary data, not text or HTML."""


class InputTooLargeError(InputError):
    """The input exceeds ``ParseOptions.max_bytes``."""


class MarkupError(InputError):
    """The HTML cannot be parsed (too deep, or refused by lxml)."""


class OptionsError(InterviewParserError, ValueError):
    """A ``ParseOptions`` field holds a value no parse can use (an unknown format, a limit
    of zero or below, a threshold outside 0..1)."""


class UnknownStageError(InterviewParserError, KeyError):
    """``ParseOptions.disabled_stages`` names a stage that does not exist."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class ColumnError(InterviewParserError, KeyError):
    """A record batch lacks a column the call names (``parse_record_batch(content=...)``)."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class SchemaVersionError(InterviewParserError, ValueError):
    """A dataset file was written under a schema version this reader cannot load."""


class OutputError(InterviewParserError, OSError):
    """An output file could not be written."""


class ReadError(InterviewParserError, OSError):
    """An input file could not be read."""


class InternalError(InterviewParserError, RuntimeError):
    """A bug of this library met on one document: the original error's type and message
    are kept (``original_type``, the message), so a batch can report it and go on."""

    def __init__(self, message: str, *, original_type: str) -> None:
        super().__init__(message)
        self.original_type = original_type

    @classmethod
    def wrap(cls, exc: BaseException) -> InternalError:
        return cls(f"{type(exc).__name__}: {exc}", original_type=type(exc).__name__)


class ParseTimeoutError(InterviewParserError, TimeoutError):
    """One document took longer than the batch's per-document time budget."""
