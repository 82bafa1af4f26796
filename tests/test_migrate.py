"""``python -m generator.migrate`` against both oracles (``tests/support/migration_check``): a
difference reported exactly when v1's and v2's captured parameters or exit codes differ, over
the ECR and kms parser corpora (a sample; ``scripts/migrate-corpus`` runs them whole) and the
real-usage corpus (a sample); and its own command line."""

import pytest

from generator.migrate import main
from generator.pipeline.service import load

from .support.migration_check import disagreement, real_usage_disagreement
from .support.parser_corpus import ECR, corpus
from .support.real_usage import load_corpus


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("migrate-cache")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("files")
    (tmp / "text").write_text("from a file\n")
    (tmp / "bytes").write_bytes(b"\x00\x01binary\xff")
    return tmp


@pytest.mark.parametrize(
    "service, operation",
    [("ecr", op.name) for op in ECR.operations[::4]]
    + [("kms", op.name) for op in load("kms").operations[::6]],
)
def test_corpus_differences_are_the_oracles(service, operation, cache, files):
    model = load(service)
    op = model.operation(operation)
    found = []
    for argv in corpus(model, op, files):
        why = disagreement([model.cli_name, op.cli_name, *argv], cache)
        if why:
            found.append((argv, why))
    assert found == []


@pytest.mark.parametrize("case", load_corpus()[2::7], ids=lambda case: case.key)
def test_real_usage_differences_are_the_oracles(case, cache):
    assert real_usage_disagreement(case, cache) is None


def test_command_line(cache, capsys, files):
    blob = [
        "aws",
        "ecr",
        "upload-layer-part",
        "--repository-name",
        "rr",
        "--upload-id",
        "u",
        "--part-first-byte",
        "0",
        "--part-last-byte",
        "1",
    ]
    assert main(["--cache", str(cache), "--", *blob, "--layer-part-blob", "YWJj"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["--cache", str(cache), "--", *blob, "--layer-part-blob", "a"]) == 1
    assert capsys.readouterr().out == "exit code: 0 -> 255\n"
    # Without "--" and "aws" too; a URL is not downloaded.
    assert (
        main(["--cache", str(cache), "ecr", "describe-images", "--repository-name", "https://example.com/r"])
        == 1
    )
    assert capsys.readouterr().out.startswith("repositoryName: '(the body of https://example.com/r)' -> ")
    assert (
        main(
            [
                "--cache",
                str(cache),
                "--",
                "aws",
                "sqs",
                "get-queue-attributes",
                "--queue-url",
                f"file://{files}/text",
            ]
        )
        == 1
    )
    assert capsys.readouterr().out == f"QueueUrl: 'file://{files}/text' -> 'from a file\\n'\n"
    for words in (["aws", "ecr"], ["aws", "ecr", "no-such-operation"], ["aws", "no-such-service", "x"]):
        assert main(["--cache", str(cache), "--", *words]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
