"""``python -m generator.migrate`` against the two oracles: over a corpus of command lines, it
must report a difference exactly when ``migration_oracle`` (v1's and v2's captured parameters
and exit codes) does. Shared by ``tests/test_migrate.py`` and ``scripts/migrate-corpus``."""

from pathlib import Path

from generator.migrate import check

from .migration_oracle import move
from .real_usage import Case, case_folder


def disagreement(words: list[str], cache: Path, cwd: str | None = None) -> str | None:
    """Where the check and the oracles part on ``aws WORDS`` (None when both see a difference,
    or both none)."""
    ours = check(words, cache)
    # The parsers print the output skeleton without checking the stub response against the
    # output shape, as the parser tests compare them (see parser_corpus.assert_agrees).
    skeleton_output = "--generate-cli-skeleton" in words and "output" in words
    theirs = move(words, cwd, validate_stub=not skeleton_output)
    if bool(ours) != theirs.differs:
        return f"check {ours or 'no difference'}; oracles {theirs}"
    # Where both see one, the exit codes they report agree unless v1 would download a URL
    # (the check does not; the oracle's v1 fails to).
    exit_line = [line for line in ours if line.startswith("exit code")]
    oracle_exit = (
        [f"exit code: {theirs.v1_exit} -> {theirs.v2_exit}"] if theirs.v1_exit != theirs.v2_exit else []
    )
    if exit_line != oracle_exit and not any("(the body of " in line for line in ours):
        return f"exit codes: check {exit_line}, oracles {oracle_exit}"
    return None


def real_usage_disagreement(case: Case, cache: Path) -> str | None:
    with case_folder(case) as work:
        return disagreement(case.words[1:], cache, cwd=str(work))
