"""Command lines as people write them (tests/corpus/real_usage.json), parsed as
awscli parses them: same exit code, same parameters, same error.

CI runs the cases of a sample of services (each generated once, with only
the operations the corpus uses); ``scripts/conformance --corpus real`` runs
them all.
"""

import pytest

from .support.real_usage import generate_for, load_corpus, run_cases

CORPUS = load_corpus()
#: CLI service names whose cases CI runs: the customised commands (ec2,
#: cloudfront, elb, workspaces, iam, ecs, sns), URL and ARN values (sqs,
#: cloudformation, apigateway), files relative and under ~ (ec2, dynamodb,
#: s3api, logs), JSON with nested quotes and non-ASCII text (dynamodb, ssm,
#: secretsmanager, events), timestamps (ec2, cloudwatch, cloudtrail).
SAMPLE = (
    "apigateway",
    "cloudformation",
    "cloudfront",
    "cloudtrail",
    "cloudwatch",
    "dynamodb",
    "ec2",
    "ecs",
    "elb",
    "events",
    "iam",
    "logs",
    "s3api",
    "secretsmanager",
    "sns",
    "sqs",
    "ssm",
    "workspaces",
)
#: Cases known to differ, by key -> why (none now). The test fails when one
#: of these starts to agree, so that the list stays true.
KNOWN: dict[str, str] = {}


def test_the_corpus_is_real_usage_of_many_services():
    assert len(CORPUS) >= 150
    assert len({case.service for case in CORPUS}) >= 40
    assert all(case.source for case in CORPUS)
    assert len({case.key for case in CORPUS}) == len(CORPUS), "two cases with the same line"
    lines = " ".join(case.line for case in CORPUS)
    for form in ("file://~/", "file://./", "https://", "arn:aws:", "Name=tag:", "Key=", "--cli-input-json"):
        assert form in lines, form
    assert any(not case.line.isascii() for case in CORPUS)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = [case for case in CORPUS if case.service in SAMPLE]
    packages = generate_for(cases, tmp_path_factory.mktemp("real") / "real_usage_sample", jobs=2)
    return run_cases(cases, packages)


def test_the_sample_covers_its_services(results):
    assert {result.case.service for result in results} == set(SAMPLE)


def test_real_command_lines_agree_with_awscli(results):
    differing = {result.case.key: result for result in results if result.difference is not None}
    unexpected = {key: result for key, result in differing.items() if key not in KNOWN}
    assert not unexpected, "\n".join(
        f"{key}: {result.difference}\n    {result.case.line}" for key, result in unexpected.items()
    )
    sampled = {result.case.key for result in results}
    fixed = sorted(key for key in KNOWN if key in sampled and key not in differing)
    assert not fixed, f"these agree now, take them out of KNOWN: {fixed}"


def test_known_differences_name_corpus_cases():
    keys = {case.key for case in CORPUS}
    assert set(KNOWN) <= keys
