"""Strict validators against ``jsonschema`` on the same schema file: each error
reduced to (path, kind), so that both sides must reject the same document at
the same places for the same reasons."""

import importlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .schemadata import Case, DocumentFactory, Mutator

Finding = tuple[str, str]

_LENGTH_KINDS = {
    "minLength": "min-length",
    "minItems": "min-length",
    "minProperties": "min-length",
    "maxLength": "max-length",
    "maxItems": "max-length",
    "maxProperties": "max-length",
}

_MESSAGE_KINDS = (
    (re.compile(r"Invalid type for parameter (.+?), value: "), "type"),
    (re.compile(r'Missing required parameter in (.+?): "'), "required"),
    (re.compile(r'Unknown parameter in (.+?): "'), "additionalProperties"),
    (re.compile(r"Invalid length for parameter (.+?), value: \d+, valid min length"), "min-length"),
    (re.compile(r"Invalid length for parameter (.+?), value: \d+, valid max length"), "max-length"),
    (re.compile(r"Invalid value for parameter (.+?), value: .*, valid min value: [^,]*$", re.S), "minimum"),
    (re.compile(r"Invalid value for parameter (.+?), value: .*, valid max value: [^,]*$", re.S), "maximum"),
    (re.compile(r"Invalid pattern for parameter (.+?), value: "), "pattern"),
    (re.compile(r"Invalid value for parameter (.+?), value: .*, valid values: ", re.S), "enum"),
    (re.compile(r"Invalid number of parameters set for tagged union structure (.+?)\. Can only"), "union"),
    (re.compile(r"Invalid key .* for parameter (.+?): ", re.S), "key"),
)


def botocore_path(steps: Any) -> str:
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "input"


def jsonschema_finding(error: ValidationError) -> Finding:
    path = botocore_path(error.absolute_path)
    keyword = str(error.validator)
    if "propertyNames" in error.absolute_schema_path:
        return path, "key"
    if (
        keyword in ("minProperties", "maxProperties")
        and isinstance(error.schema, dict)
        and "properties" in error.schema
    ):
        return path, "union"
    return path, _LENGTH_KINDS.get(keyword, keyword)


def strict_finding(line: str) -> Finding:
    for pattern, kind in _MESSAGE_KINDS:
        match = pattern.match(line)
        if match:
            return match.group(1), kind
    raise AssertionError(f"unrecognised strict error line: {line!r}")


@dataclass
class Tally:
    documents: int = 0
    invalid: int = 0
    agree: int = 0
    disagreements: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.documents += other.documents
        self.invalid += other.invalid
        self.agree += other.agree
        self.disagreements += other.disagreements


def corpus(schema: dict[str, Any], seeds: int = 3, max_depth: int = 6) -> Iterator[Case]:
    """Valid documents (required members only, every member, a few random
    draws) and each one broken in every way its schema allows."""
    for seed in range(seeds):
        factory = DocumentFactory(schema, seed, max_depth)
        for full in (False, True):
            document = factory.document(full)
            yield Case(f"seed {seed} {'full' if full else 'minimal'}: valid", document)
            yield from (
                Case(f"seed {seed} {'full' if full else 'minimal'} {case.label}", case.document)
                for case in Mutator(factory).cases(document)
            )


def compare(
    schema: dict[str, Any], validate: Callable[[Any], list[str]], seeds: int = 3, max_depth: int = 6
) -> Tally:
    checker = Draft202012Validator(schema)
    tally = Tally()
    for case in corpus(schema, seeds, max_depth):
        expected = {jsonschema_finding(error) for error in checker.iter_errors(case.document)}
        lines = validate(case.document)
        found = {strict_finding(line) for line in lines}
        tally.documents += 1
        tally.invalid += bool(expected)
        if case.label.endswith(": valid") and expected:
            tally.disagreements.append(f"{case.label}: the generated document is invalid: {sorted(expected)}")
        if found == expected and bool(lines) == bool(expected):
            tally.agree += 1
        else:
            tally.disagreements.append(
                f"{case.label}: jsonschema {sorted(expected)} strict {sorted(found)} "
                f"document {json.dumps(case.document)[:300]}"
            )
    return tally


def strict_module(tree: Path, package: str, module: str) -> Any:
    """``<tree>/<package>/_strict/<module>.py``, imported as a package member."""
    root = str(tree.resolve())
    loaded = sys.modules.get(package)
    if loaded is not None and not any(str(p).startswith(root) for p in getattr(loaded, "__path__", [])):
        # The same package from another generated tree: forget it and its members.
        for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
            del sys.modules[name]
    if root in sys.path:
        sys.path.remove(root)
    sys.path.insert(0, root)
    importlib.invalidate_caches()
    return importlib.import_module(f"{package}._strict.{module}")


def with_automaton_patterns(schema: dict[str, Any], service: Any) -> dict[str, Any]:
    """The schema with the patterns it leaves out and the strict validator
    checks by automaton put back (their faithful translation, which Python's
    re runs, if slowly): what the strict validator agrees with exactly."""
    from generator.patterns.guard import automatic, guard
    from generator.patterns.translate import translate

    definitions = {}
    for name, definition in schema.get("$defs", {}).items():
        source = service.shape(name).constraints.pattern
        if source is not None and guard(source).pattern is None and automatic(source).table is not None:
            definition = {**definition, "pattern": translate(source).pattern}
        definitions[name] = definition
    return {**schema, "$defs": definitions} if "$defs" in schema else schema
