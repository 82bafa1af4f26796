"""Generated parsers under fuzzing: any argv ends in a result or exit 0, 2 or 255.

Never a traceback: every exception other than SystemExit with one of those
codes fails the test.
"""

import contextlib
import importlib
import io
import logging
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.pipeline.service import load

from .support.capture import capture_aws
from .support.trees import operation_module

ECR = load("ecr", "2015-09-21")
OPERATIONS = [op for op in ECR.operations if not op.streaming_output]


def _run(operation, argv):
    module = operation_module("ecr", operation)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            module.parse_args(list(argv))
        except SystemExit as exc:
            return exc.code, err.getvalue()
    return 0, err.getvalue()


@pytest.fixture(scope="module")
def nasty_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nasty")
    (folder / "invalid-utf8.json").write_bytes(b'{"repositoryName": "\xff\xfe"}')
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "huge-number.json").write_text('{"maxResults": ' + "9" * 10_000 + "}")
    (folder / "a-directory").mkdir()
    unreadable = folder / "unreadable.json"
    unreadable.write_text("{}")
    os.chmod(unreadable, 0)
    return folder


def _special_values(folder):
    return [
        f"file://{folder / 'invalid-utf8.json'}",
        f"fileb://{folder / 'invalid-utf8.json'}",
        f"file://{folder / 'deep.json'}",
        f"file://{folder / 'huge-number.json'}",
        f"file://{folder / 'a-directory'}",
        f"file://{folder / 'missing.json'}",
        f"file://{folder / 'unreadable.json'}",
        "[" * 50_000,
        "{" * 50_000,
        "[" * 5_000 + "]" * 5_000,
        "1e999999",
        "9" * 10_000,
        "-" * 3,
        "a=" * 1000,
        "\udcff",
        "\x00",
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_argv_ends_in_exit_0_2_or_255(data, nasty_files):
    operation = data.draw(st.sampled_from(OPERATIONS))
    module = operation_module("ecr", operation)
    options = [name for name, *_ in module.OPERATION.arguments] + [
        "--cli-input-json",
        "--generate-cli-skeleton",
        "--starting-token",
        "--max-items",
        "--page-size",
        "--no-paginate",
        "-h",
    ]
    token = st.one_of(
        st.sampled_from(options),
        st.sampled_from(_special_values(nasty_files)),
        st.text(max_size=40),
        st.from_regex(r"[A-Za-z]+=[^,]*(,[A-Za-z]+=\[[^\]]*\])?", fullmatch=True),
    )
    argv = data.draw(st.lists(token, max_size=8))
    code, _ = _run(operation, argv)
    assert code in (0, 2, 255)


@pytest.mark.parametrize("index", range(16))
def test_hostile_values_exit_as_the_cli_does(index, nasty_files):
    operation = ECR.operation("DescribeImages")
    value = _special_values(nasty_files)[index]
    for argv in (["--repository-name", "repo", "--filter", value], ["--cli-input-json", value]):
        code, err = _run(operation, argv)
        # awscli logs argv at DEBUG; a lone surrogate in a captured log record
        # cannot cross to pytest-xdist's controller, so keep its logs quiet.
        logging.disable(logging.CRITICAL)
        try:
            theirs = capture_aws(["ecr", "describe-images", *argv])
        finally:
            logging.disable(logging.NOTSET)
        assert code == theirs.exit_code, (argv[:2], err[-300:], theirs.stderr[-300:])
        assert "Traceback" not in err


def test_deeply_nested_documents_do_not_crash_validation():
    operation = ECR.operation("PutReplicationConfiguration")
    module = operation_module("ecr", operation)
    deep: object = "x"
    for _ in range(20_000):
        deep = [deep]
    document = {"replicationConfiguration": {"rules": deep}}
    for strict in (False,):
        messages = module.validate(document, strict=strict)
        assert messages and all(isinstance(line, str) for line in messages)


def test_documents_deeper_than_the_recursion_limit_through_a_recursive_shape(tmp_path, monkeypatch):
    out = tmp_path / "deep_tree"
    assert cli.main(["--service", "dynamodb", "--operation", "PutItem", "--out", str(out), "-q"]) == 0
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("deep_tree.dynamodb.put_item")
    deep: dict = {"S": "leaf"}
    for _ in range(20_000):
        deep = {"L": [deep]}
    messages = module.validate({"TableName": "table", "Item": {"key": deep}})
    assert messages == ["Invalid parameter: nested too deeply to validate"]
    shallow = {"L": [{"L": [{"S": "leaf"}]}]}
    assert module.validate({"TableName": "table", "Item": {"key": shallow}}) == []
