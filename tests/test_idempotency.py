"""Idempotency tokens: the CLI leaves a required token optional, because
botocore fills in a missing one (a fresh UUID) before it validates. Pages,
parsers and parse-time validation must do as the CLI does."""

import sys

import pytest

from generator.cli import main
from generator.pipeline.service import load

from .support.doc_oracle import awscli_page, normalise
from .support.parser_corpus import assert_agrees

# Operations whose only required members include an idempotency token
# (athena's is the whole input; braket's sits beside a required ARN).
CASES = {
    ("athena", "StopQueryExecution"): [[], ["--query-execution-id", "q-1"], ["--query-execution-id", ""]],
    ("braket", "CancelQuantumTask"): [
        ["--quantum-task-arn", "arn:aws:braket:task/1"],
        ["--quantum-task-arn", "arn:aws:braket:task/1", "--client-token", "mine"],
        [],
    ],
}


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    out = tmp_path_factory.mktemp("tokens") / "out"
    services = sorted({service for service, _ in CASES})
    argv = [arg for name in services for arg in ("--service", name)]
    assert main([*argv, "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    sys.path.insert(0, str(out))
    yield out
    sys.path.remove(str(out))


@pytest.mark.parametrize("service_name, operation_name", sorted(CASES))
def test_a_missing_token_is_filled_in_as_the_cli_does(tree, service_name, operation_name):
    service = load(service_name)
    operation = next(op for op in service.operations if op.name == operation_name)
    token = next(m for m in service.shape(operation.input).members if m.idempotency_token)
    assert token.required and not token.cli_required
    for argv in CASES[service_name, operation_name]:
        assert_agrees(service, operation, service_name, argv)
    page = (tree / "docs" / service_name / f"{operation.cli_name}.rst").read_text(encoding="utf-8")
    assert page == normalise(awscli_page(service_name, operation.cli_name))
