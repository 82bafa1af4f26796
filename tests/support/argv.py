"""Command lines built from the model: documents rendered as CLI options in
shorthand and in JSON, and our parsers run in-process on them."""

import contextlib
import importlib
import io
import json
from dataclasses import dataclass
from typing import Any

from generator.model.ir import Operation, Service, Shape

from .capture import files_as_names

SCALARS = {"string", "integer", "long", "float", "double", "boolean", "blob", "timestamp"}


@dataclass(frozen=True)
class Ours:
    exit_code: int
    params: dict[str, Any] | None
    stdout: str
    stderr: str


def run_ours(package: str, operation: Operation, argv: list[str]) -> Ours:
    module = importlib.import_module(f"{package}.{operation.py_name}")
    out, err = io.StringIO(), io.StringIO()
    params = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            params = module.parse_args(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return Ours(code, files_as_names(params), out.getvalue(), err.getvalue())


def is_complex(service: Service, shape: Shape) -> bool:
    if shape.type in ("structure", "map"):
        return True
    return (
        shape.type == "list"
        and shape.member is not None
        and service.shape(shape.member.target).type not in SCALARS
    )


def shorthand(value: Any) -> str:
    """A value in shorthand syntax: ``k=v,l=[a,b],s={k=v}``."""
    if isinstance(value, dict):
        return ",".join(f"{key}={_nested(item)}" for key, item in value.items())
    return _nested(value)


def _nested(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + shorthand(value) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_nested(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text == "" or any(c in text for c in ",=[]{}\"' \\") or text != text.strip():
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def option_values(service: Service, shape: Shape, value: Any, style: str) -> list[str]:
    """The words after ``--option`` for ``value`` in ``style`` (shorthand or json)."""
    if shape.type == "list":
        assert shape.member is not None
        member = service.shape(shape.member.target)
        if member.type in SCALARS:
            if style == "json":
                return [json.dumps(value)]
            return [scalar_text(item) for item in value]
        if style == "json":
            return [json.dumps(value)] if value else []
        return [shorthand(item) for item in value]
    if is_complex(service, shape):
        return [json.dumps(value) if style == "json" else shorthand(value)]
    return [scalar_text(value)]


def document_argv(service: Service, operation: Operation, document: dict[str, Any], style: str) -> list[str]:
    argv: list[str] = []
    if not operation.input:
        return argv
    for member in service.shape(operation.input).members:
        if member.name not in document:
            continue
        shape = service.shape(member.target)
        value = document[member.name]
        if shape.type == "boolean":
            argv.append(f"--{member.cli_name}" if value else f"--no-{member.cli_name}")
            continue
        argv.append(f"--{member.cli_name}")
        argv.extend(option_values(service, shape, value, style))
    return argv
