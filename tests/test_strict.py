"""Strict validators: the same verdicts and error places as jsonschema's
Draft202012Validator on the schema file, over a generated corpus of valid and
broken documents; and never more lenient than botocore's ParamValidator."""

import json

import pytest
from botocore.session import get_session
from botocore.validate import ParamValidator
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.model.names import python_identifier
from generator.pipeline.service import load

from .support.paths import GENERATED, OTHER_SERVICES
from .support.strictcheck import compare, corpus, strict_module, with_automaton_patterns

ECR = load("ecr", "2015-09-21")


def _schema(tree, service, operation):
    return json.loads((tree / "schemas" / service / f"{operation.cli_name}.input.schema.json").read_text())


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_strict_agrees_with_jsonschema(operation):
    module = strict_module(GENERATED, "ecr", operation.py_name)
    tally = compare(_schema(GENERATED, "ecr", operation), module.validate)
    assert tally.disagreements == []
    assert tally.agree == tally.documents
    # The corpus holds valid documents and documents each schema rejects.
    assert 0 < tally.invalid < tally.documents


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_strict_agrees_with_jsonschema(name, tmp_path):
    tree = tmp_path / "out"
    assert main(["--service", name, "--out", str(tree), "--quiet"]) == 0
    service = load(name)
    for operation in service.operations:
        module = strict_module(tree, python_identifier(name), operation.py_name)
        schema = with_automaton_patterns(_schema(tree, name, operation), service)
        tally = compare(schema, module.validate, seeds=1, max_depth=4)
        assert tally.disagreements == [], operation.name
        assert tally.invalid > 0, operation.name


def _integral_float(document, found=False):
    """Whether the document holds a float with no fraction (JSON Schema's
    ``integer`` accepts 2.0; botocore's validator wants a Python int)."""
    if isinstance(document, float):
        return document.is_integer()
    if isinstance(document, dict):
        return any(_integral_float(value) for value in document.values())
    if isinstance(document, list):
        return any(_integral_float(value) for value in document)
    return False


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_schema_is_never_more_lenient_than_botocore(operation):
    """What botocore rejects, the schema rejects; what the schema accepts,
    botocore accepts (botocore checks types, required and unknown members and
    minimums; the schema checks those and every other constraint)."""
    model = get_session().get_service_model("ecr").operation_model(operation.name)
    schema = _schema(GENERATED, "ecr", operation)
    checker = Draft202012Validator(schema)
    accepted = 0
    for case in corpus(schema, seeds=1):
        botocore_rejects = ParamValidator().validate(case.document, model.input_shape).has_errors()
        schema_rejects = not checker.is_valid(case.document)
        if botocore_rejects and not schema_rejects:
            assert _integral_float(case.document), case.label
        if not schema_rejects:
            accepted += 1
            assert not botocore_rejects or _integral_float(case.document), case.label
    assert accepted > 0


def test_a_hostile_model_gives_schemas_and_strict_validators_that_agree(tmp_path):
    """Quotes, backslashes and template syntax in enums and docs, member names
    that are path separators or keywords, shape names that are not
    identifiers, recursive shapes and unions, patterns no engine compiles."""
    from .support.hostile import BAD_PATTERNS, SERVICE, hostile_model, write_model

    data_path = write_model(tmp_path / "models", hostile_model())
    tree = tmp_path / "out"
    assert main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(tree), "--quiet"]) == 0
    service = load(SERVICE, data_paths=[data_path])
    for operation in service.operations:
        module = strict_module(tree, python_identifier(SERVICE), operation.py_name)
        tally = compare(_schema(tree, SERVICE, operation), module.validate, seeds=2, max_depth=3)
        assert tally.disagreements == [], operation.name
        assert 0 < tally.invalid < tally.documents
    report = json.loads((tree / "schemas" / f"{SERVICE}.pattern-report.json").read_text())
    left_out = {item["pattern"] for item in report["leftOut"]}
    # \\p{L}+ is ECMA-262 and translates; the other three are not patterns at all.
    assert left_out == set(BAD_PATTERNS) - {"\\p{L}+"}


def _operation_module(operation):
    strict_module(GENERATED, "ecr", operation.py_name)  # puts the generated tree on the path
    import importlib

    return importlib.import_module(f"ecr.{operation.py_name}")


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_operation_module_validate_both_modes_on_the_schema_corpus(operation):
    """``validate(params, strict=True)`` of the operation module is the strict
    validator; ``validate(params, strict=False)`` gives botocore's
    ParamValidator report line for line, on the same corpus."""
    module = _operation_module(operation)
    strict = strict_module(GENERATED, "ecr", operation.py_name).validate
    shape = get_session().get_service_model("ecr").operation_model(operation.name).input_shape
    schema = _schema(GENERATED, "ecr", operation)
    documents = 0
    for case in corpus(schema, seeds=1):
        documents += 1
        assert module.validate(case.document, strict=True) == strict(case.document), case.label
        report = ParamValidator().validate(case.document, shape).generate_report()
        assert module.validate(case.document, strict=False) == (
            report.split("\n") if report else []
        ), case.label
    assert documents >= 8  # operations without input members: the 8 breakages of an empty object
