"""Language of a page that does not say it: optional, with py3langid (the ``language`` extra).

Off by default (``ParseOptions(detect_language=True)``, ``--detect-language``): output must
not change with what else happens to be installed. py3langid is a maintained port of
langid.py (BSD, numpy only, 97 languages); its model loads once per process (about 0.5 s).
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

_MIN_PROBABILITY = 0.9
_MIN_CHARS = 40
_SAMPLE_CHARS = 3000


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    try:
        langid: Any = importlib.import_module("py3langid.langid")  # untyped
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "language detection needs py3langid: pip install 'interview-parser[language]'", name=exc.name
        ) from exc
    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float] | None:
    """The ISO 639-1 code and probability of ``text``'s language, when it is clear (at least
    40 characters and a probability of 0.9); None otherwise."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    if probability < _MIN_PROBABILITY:
        return None
    return str(code), float(probability)
