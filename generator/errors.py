"""The one exception family the generator raises on purpose.

Every message is meant for the user: the command line prints it as one line
and exits with the error's code.
"""


class GeneratorError(Exception):
    """A failure the user can act on; ``exit_code`` is what the CLI returns."""

    exit_code = 2


class InputError(GeneratorError):
    """Bad input: unknown service or operation, unreadable or invalid model."""

    exit_code = 2


class VerificationError(GeneratorError):
    """Rendered output failed its own checks; nothing was written."""

    exit_code = 3


class OutputError(GeneratorError):
    """The output directory could not be written; the previous tree is intact."""

    exit_code = 4


def close_matches(word: str, choices: "list[str] | tuple[str, ...]") -> str:
    """The ``; did you mean: ...?`` end of an error message ('' when nothing is close)."""
    import difflib

    matches = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    return f"; did you mean: {', '.join(matches)}?" if matches else ""
