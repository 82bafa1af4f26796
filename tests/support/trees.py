"""Generated trees of the other services, written once per test process."""

import functools
import importlib
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from generator.cli import main
from generator.model.ir import Operation
from generator.pipeline.service import load


def package_name(service: str) -> str:
    return service.replace("-", "_")


@functools.cache
def _root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="parser-trees-"))
    sys.path.insert(0, str(root))
    return root


def sampled_operations(service: str) -> tuple[Operation, ...]:
    """Every third operation of a service other than ECR: the tests of the
    other services cover these, which keeps generating their trees quick."""
    return load(service).operations[::3]


@functools.cache
def service_package(service: str) -> str:
    """The import name of ``service``'s parsers (``generated.ecr`` for ecr)."""
    if service == "ecr":
        return "generated.ecr"
    name = package_name(service)
    out = _root() / f"tree_{name}"
    names = [arg for op in sampled_operations(service) for arg in ("--operation", op.name)]
    assert main(["--service", service, "--out", str(out), "--quiet", *names]) == 0
    return f"tree_{name}.{name}"


def operation_module(service: str, operation: Operation) -> ModuleType:
    return importlib.import_module(f"{service_package(service)}.{operation.py_name}")


@functools.cache
def operations_package(service: str, operations: tuple[str, ...]) -> str:
    """The import name of a tree with only these operations (API names) of ``service``."""
    name = package_name(service)
    out = _root() / f"ops_{name}_{len(operations)}_{abs(hash(operations))}"
    names = [arg for operation in operations for arg in ("--operation", operation)]
    assert main(["--service", service, "--out", str(out), "--quiet", *names]) == 0
    return f"{out.name}.{name}"
