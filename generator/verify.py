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
    entry is checked once however many of a service's schemas carry it; and
    it checks the entry with its free text blanked, so that entries alike but
    for their documentation are checked once."""
    schema = json.loads(data.decode("utf-8"))
    definitions = schema.get("$defs") if isinstance(schema, dict) else None
    if isinstance(definitions, dict):
        top = {k: v for k, v in schema.items() if k not in _UNKNOWN and k != "$defs"}
        _check_against_metaschema(_key(top))
        for definition in definitions.values():
            _check_against_metaschema(_key(definition))
    else:
        _check_against_metaschema(_key(schema))


# Keywords whose value the metaschema only requires to be a string (title,
# description) or does not know at all (markdownDescription, deprecationMessage).
_FREE_TEXT = frozenset({"title", "description", "markdownDescription", "deprecationMessage"})
# The editors' extension at a schema file's top, which the metaschema does not know.
_UNKNOWN = frozenset({"defaultSnippets"})


def _blanked(node: Any) -> Any:
    """``node`` with its free text blanked: a string under a free-text keyword
    becomes "" (the metaschema's verdict on it is the same). Anything else,
    such as a free-text keyword holding a non-string, stays as it is."""
    if isinstance(node, dict):
        return {
            key: "" if key in _FREE_TEXT and isinstance(value, str) else _blanked(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_blanked(item) for item in node]
    return node


def _key(schema: Any) -> str:
    return json.dumps(_blanked(schema), sort_keys=True)


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
