"""Formats generated Python with the pinned black, in memory."""

import functools

import black

from .errors import VerificationError

_MODE = black.Mode(line_length=100)


def format_python(path: str, text: str) -> str:
    try:
        return _formatted(text)
    except Exception as exc:  # black reports unparsable input with several exception types
        raise VerificationError(f"{path}: black cannot format the generated code: {exc}") from exc


# Every service gets the same runtime modules, so a worker that renders many
# services formats the same text many times; black is the slowest stage.
@functools.lru_cache(maxsize=64)
def _formatted(text: str) -> str:
    return black.format_str(text, mode=_MODE)
