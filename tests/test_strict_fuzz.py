"""Strict validators under hypothesis with hostile documents: deeply nested
values of recursive shapes (past the recursion limit), huge and special
numbers, keys that are not strings, lone surrogates. Never an exception;
where jsonschema itself reaches a verdict, the same verdict and places."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.model.names import python_identifier
from generator.pipeline.service import load

from .support.hostile import SERVICE, hostile_model, write_model
from .support.paths import GENERATED
from .support.strictcheck import jsonschema_finding, strict_finding, strict_module

TOO_DEEP = "Invalid parameter: nested too deeply to validate"
SPECIAL_NUMBERS = [2**63, 1e308, float("inf"), float("-inf"), float("nan"), -0.0, True]


def _huge(digits: int) -> int:
    """An integer longer than Python will print (4,300 digits)."""
    return -(10**digits) if digits % 2 else 10**digits


huge = st.integers(4_400, 6_000).map(_huge)
texts = st.one_of(st.text(max_size=12), st.sampled_from(["\ud800", "a\udfffb", "\x00", "\u2028"]))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts, st.sampled_from(SPECIAL_NUMBERS), huge)
keys = st.one_of(texts, st.integers(), st.none(), st.booleans(), st.floats(allow_nan=False), st.tuples(st.integers()))
values = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)), max_leaves=20
)


def _nest(kind: str, depth: int, leaf):
    """A value of a recursive shape of the hostile model, ``depth`` levels deep."""
    document = leaf
    for _ in range(depth):
        if kind == "children":
            document = {"children": [document]}
        elif kind == "self":
            document = {"self": document}
        elif kind == "ping":
            document = {"pong": {"ping": document}}
        elif kind == "map":
            document = {"pong": {"map": {"k": document}}}
        elif kind == "union":
            document = {"right": document}
        else:
            document = [document]
    return document


_MEMBER = {"children": "Tree", "self": "Tree", "ping": "Ping", "map": "Ping", "union": "Union", "list": "Tree"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("strict-fuzz")
    data_path = write_model(root / "models", hostile_model())
    tree = root / "out"
    assert main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(tree), "--quiet"]) == 0
    schema = json.loads((tree / "schemas" / SERVICE / "do-thing.input.schema.json").read_text())
    return strict_module(tree, python_identifier(SERVICE), "do_thing").validate, Draft202012Validator(schema)


def _agree(validate, checker, document) -> None:
    lines = validate(document)
    assert isinstance(lines, list) and all(isinstance(line, str) for line in lines)
    try:
        expected = {jsonschema_finding(error) for error in checker.iter_errors(document)}
    except (RecursionError, ValueError):
        return  # jsonschema itself has no verdict (too deep, or a number it cannot print)
    if lines == [TOO_DEEP]:
        assert expected, "jsonschema accepts what was too deep to validate"
        return
    assert {strict_finding(line) for line in lines} == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(sorted(_MEMBER)),
    depth=st.one_of(st.integers(0, 50), st.integers(50, 30_000)),
    leaf=values,
    extra=st.dictionaries(keys, values, max_size=3),
)
def test_hostile_documents_of_recursive_shapes(hostile, kind, depth, leaf, extra):
    validate, checker = hostile
    document = {"class": "x", **extra, _MEMBER[kind]: _nest(kind, depth, leaf)}
    _agree(validate, checker, document)


ECR = load("ecr", "2015-09-21")


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_ecr_validators_with_hostile_values(data):
    operation = data.draw(st.sampled_from(ECR.operations))
    schema = json.loads((GENERATED / "schemas" / "ecr" / f"{operation.cli_name}.input.schema.json").read_text())
    definitions = schema.get("$defs", {})
    names = sorted({name for definition in definitions.values() for name in definition.get("properties", {})})
    member = st.sampled_from(names) if names else texts
    document = data.draw(st.one_of(values, st.dictionaries(st.one_of(member, keys), values, max_size=5)))
    validate = strict_module(GENERATED, "ecr", operation.py_name).validate
    _agree(validate, Draft202012Validator(schema), document)
