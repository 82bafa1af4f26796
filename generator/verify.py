"""Checks on rendered output, run before anything is written.

A file kind adds its check to ``CHECKS`` (by file name ending); every rendered
file must pass the checks whose ending it has.
"""

import functools
import json
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from typing import Any

from .errors import VerificationError
from .rstcheck import check_rst


def _json(path: str, data: bytes) -> None:
    if data:  # an empty output skeleton is what the CLI prints for no output
        json.loads(data.decode("utf-8"))


def _python(path: str, data: bytes) -> None:
    compile(data, path, "exec", dont_inherit=True)


def _json_schema(path: str, data: bytes) -> None:
    """A schema file must be a valid JSON Schema 2020-12 document.

    The metaschema checks each ``$defs`` entry as a schema of its own, so an
    entry is checked once however many of a service's schemas carry it."""
    schema = json.loads(data.decode("utf-8"))
    definitions = schema.get("$defs") if isinstance(schema, dict) else None
    if isinstance(definitions, dict):
        _check_against_metaschema(json.dumps({k: v for k, v in schema.items() if k != "$defs"}, sort_keys=True))
        for definition in definitions.values():
            _check_against_metaschema(json.dumps(definition, sort_keys=True))
    else:
        _check_against_metaschema(json.dumps(schema, sort_keys=True))


@functools.lru_cache(maxsize=8192)
def _check_against_metaschema(schema_text: str) -> None:
    from jsonschema.exceptions import SchemaError

    for error in _metaschema_validator().iter_errors(json.loads(schema_text)):
        raise SchemaError.create_from(error)


@functools.cache
def _metaschema_validator() -> Any:
    """What ``Draft202012Validator.check_schema`` builds on every call, built once."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(Draft202012Validator.META_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


CHECKS: dict[str, Callable[[str, bytes], None]] = {
    ".json": _json,
    ".py": _python,
    ".schema.json": _json_schema,
    ".rst": check_rst,
}


def check_path(path: str) -> None:
    """A rendered path must stay inside the output directory."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or "\\" in path or not pure.parts or str(pure) != path:
        raise VerificationError(f"refusing to write outside the output directory: {path!r}")


def verify(files: Mapping[str, bytes]) -> None:
    failures = []
    for path, data in sorted(files.items()):
        check_path(path)
        for ending, check in CHECKS.items():
            if path.endswith(ending):
                try:
                    check(path, data)
                except Exception as exc:  # any failure of a check is a finding, reported below
                    failures.append(f"{path}: {type(exc).__name__}: {' '.join(str(exc).split())}")
    if failures:
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        raise VerificationError(f"generated output failed verification: {failures[0]}{more}")
