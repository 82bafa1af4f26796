"""Formats generated Python with the pinned black, in memory."""

import black

from generator.errors import VerificationError

BLACK_MODE = black.Mode(line_length=100)


def format_python(path: str, text: str) -> str:
    try:
        return black.format_str(text, mode=BLACK_MODE)
    except Exception as exc:  # black reports unparsable input with several exception types
        raise VerificationError(f"{path}: black cannot format the generated code: {exc}") from exc
