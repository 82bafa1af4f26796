"""atheris (libFuzzer) over ECR's generated parsers and strict validators;
run as a script by tests/test_atheris_fuzz.py with libFuzzer's options
(``-max_total_time=20``). A Python exception other than SystemExit 0, 2 or
255 is a crash: libFuzzer prints it and exits non-zero."""

import contextlib
import io
import json
import os
import sys
from typing import Any

import atheris

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

with atheris.instrument_imports():
    import generated.ecr  # noqa: F401  (the package, instrumented with its runtime)
    from generated.ecr import _cli  # noqa: F401

import importlib
import pkgutil

MODULES = sorted(
    info.name
    for info in pkgutil.iter_modules(generated.ecr.__path__)
    if not info.name.startswith("_") and info.name != "__main__"
)
with atheris.instrument_imports():
    PARSERS = [importlib.import_module(f"generated.ecr.{name}") for name in MODULES]
    STRICT = [importlib.import_module(f"generated.ecr._strict.{name}") for name in MODULES]
OPTIONS = sorted({name for module in PARSERS for name, *_ in module.OPERATION.arguments})


def _document(data: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    """A JSON-like value: the shapes the validators expect, and others."""
    kind = data.ConsumeIntInRange(0, 9 if depth < 40 else 5)
    if kind == 0:
        return data.ConsumeUnicode(data.ConsumeIntInRange(0, 64))
    if kind == 1:
        return data.ConsumeInt(data.ConsumeIntInRange(1, 64))
    if kind == 2:
        return data.ConsumeRegularFloat()
    if kind == 3:
        return data.ConsumeBool()
    if kind == 4:
        return None
    if kind == 5:
        return data.ConsumeBytes(8)
    if kind in (6, 7):
        return [_document(data, depth + 1) for _ in range(data.ConsumeIntInRange(0, 4))]
    keys = [data.ConsumeUnicode(12) for _ in range(data.ConsumeIntInRange(0, 4))]
    if kind == 9 and keys:
        keys[0] = data.PickValueInList(OPTIONS).lstrip("-")
    return {key: _document(data, depth + 1) for key in keys}


def one_input(raw: bytes) -> None:
    data = atheris.FuzzedDataProvider(raw)
    index = data.ConsumeIntInRange(0, len(PARSERS) - 1)
    document = _document(data)
    errors = STRICT[index].validate(document)
    assert isinstance(errors, list) and all(isinstance(line, str) for line in errors)
    argv = []
    for _ in range(data.ConsumeIntInRange(0, 8)):
        choice = data.ConsumeIntInRange(0, 3)
        if choice == 0:
            argv.append(data.PickValueInList(OPTIONS))
        elif choice == 1:
            argv += ["--cli-input-json", json.dumps(document, default=repr)]
        else:
            argv.append(data.ConsumeUnicode(data.ConsumeIntInRange(0, 32)))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            PARSERS[index].parse_args(argv)
        except SystemExit as exc:
            if exc.code not in (0, 2, 255):
                raise AssertionError(f"exit {exc.code!r} for {argv!r}") from None


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
