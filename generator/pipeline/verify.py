"""Checks on rendered output, run before anything is written.

A file kind adds its check to ``CHECKS`` (by file name ending); every rendered
file must pass the checks whose ending it has.
"""

import functools
import json
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from typing import Any

from generator.errors import VerificationError
from generator.pages.check import check_rst


def _json(path: str, data: bytes) -> None:
    if data:  # an empty output skeleton is what the CLI prints for no output
        json.loads(data.decode("utf-8"))


def _python(path: str, data: bytes) -> None:
    compile(data, path, "exec", dont_inherit=True)


def _json_schema(path: str, data: bytes) -> None:
    """A schema file must be a valid JSON Schema 2020-12 document.

    The metaschema checks each ``$defs`` entry as a schema of its own, so an
    entry is checked once however many of a service's schemas carry it; and
    it checks the entry in a canonical form (``_canonical``), so that entries
    alike but for their names and documentation are checked once."""
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
# Keywords whose value maps free names to schemas.
_NAMED_SCHEMAS = frozenset({"properties", "$defs"})


def _canonical(node: Any) -> Any:
    """``node`` rewritten where the metaschema's verdict cannot change, so that
    entries alike but for names and text share one check: a string under a
    free-text keyword becomes "", the names under ``properties`` and ``$defs``
    are numbered (their schemas kept), ``required`` names are numbered the
    same way (distinct stay distinct), and a ``$ref`` string becomes "#" when
    no checker of its format (uri-reference) is installed. Anything else, such
    as a free-text keyword holding a non-string, stays as it is."""
    if isinstance(node, list):
        return [_canonical(item) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in _FREE_TEXT and isinstance(value, str):
            result[key] = ""
        elif key in _NAMED_SCHEMAS and isinstance(value, dict):
            result[key] = {f"n{index}": _canonical(item) for index, item in enumerate(value.values())}
        elif key == "required" and isinstance(value, list) and all(isinstance(item, str) for item in value):
            numbers: dict[str, str] = {}
            result[key] = [numbers.setdefault(item, f"n{len(numbers)}") for item in value]
        elif key == "$ref" and isinstance(value, str) and not _uri_format_checked():
            result[key] = "#"
        else:
            result[key] = _canonical(value)
    return result


@functools.cache
def _uri_format_checked() -> bool:
    return "uri-reference" in _metaschema_validator().format_checker.checkers


def _key(schema: Any) -> str:
    return json.dumps(_canonical(schema), sort_keys=True)


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
