"""Help from the parsers: the package lists its operations; ``<operation> help``
prints the operation's documentation as plain text, computed from the content
of its reference page; the word ``help`` as an option's value is a value, as in
awscli; and a parse never loads the help text."""

import contextlib
import io
import subprocess
import sys
from unittest import mock

import pytest

from generator.markup.text import plain_text
from generator.clirules.versions import V1
from generator.pages.content import options

from .support.argv import run_ours
from .support.oracle import run_aws
from .support.parser_corpus import ECR, assert_agrees
from .support.paths import ROOT


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generated.ecr", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def _listed(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index("Operations:") + 1
    return [line.strip() for line in lines[start:] if line.startswith("  ")]


@pytest.mark.parametrize("word", ["--help", "-h", "help"])
def test_asking_the_package_for_help_lists_every_operation(word):
    done = _run(word)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("usage: python -m generated.ecr <operation> [options]\n")
    assert _listed(done.stdout) == [operation.cli_name for operation in ECR.operations]
    assert "Invalid choice" not in done.stdout


def test_the_package_alone_is_a_usage_error_that_lists_every_operation():
    done = _run()
    assert done.returncode == 2
    assert done.stdout == ""
    assert _listed(done.stderr) == [operation.cli_name for operation in ECR.operations]
    assert done.stderr.splitlines()[-1].endswith("error: the following arguments are required: operation")


def _help(operation, argv: list[str]) -> str:
    ours = run_ours("generated.ecr", operation, argv)
    assert ours.exit_code == 0, (argv, ours.stderr)
    assert ours.stderr == ""
    return ours.stdout


def _first_words(html: str) -> str:
    words = plain_text(html.replace("``", "")).split()
    return " ".join(words[:6])


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_operation_help_documents_every_option(operation):
    text = _help(operation, ["help"])
    assert text.startswith(f"usage: python -m generated.ecr {operation.cli_name} [options]\n")
    assert "<p>" not in text and "``" not in text and "\t" not in text
    flat = " ".join(text.split())
    if operation.documentation:
        assert _first_words(operation.documentation) in flat
    members = {f"--{m.cli_name}": m for m in ECR.shape(operation.input).members} if operation.input else {}
    synopsis = text.split("Synopsis:\n", 1)[1].split("\n\n", 1)[0]
    for option in options(ECR, operation, V1):
        assert option.synopsis in synopsis
        member = members.get(option.names[0])
        required = member is not None and member.cli_required
        head = f"  {' | '.join(option.names)} ({option.type_name}), {'required' if required else 'optional'}\n"
        assert head in text, head
        if option.documentation.strip():
            assert _first_words(option.documentation) in flat, option.names
    # Members the paging options stand for are accepted, so documented too.
    for name in members:
        assert f"\n  {name} " in text, name


@pytest.mark.parametrize(
    "argv",
    [
        ["help"],
        ["help", "--repository-name", "r"],
        ["--repository-name", "r", "help"],
        ["help", "--no-such-option"],
        ["help", "--max-items", "not-a-number"],
        ["--region", "us-east-1", "help"],
        ["help", "--debug"],
        ["--cli-input-json", "{}", "help"],
        ["--generate-cli-skeleton", "help"],
        ["-h"],
        ["--repository-name", "r", "--help"],
    ],
)
def test_help_whatever_else_is_on_the_line(argv):
    operation = ECR.operation("describe-images")
    assert _help(operation, argv) == _help(operation, ["help"])


def _awscli_shows_help(argv: list[str]) -> bool:
    import awscli.help

    shown = []
    with mock.patch.object(awscli.help.HelpCommand, "__call__", lambda self, *args: shown.append(1) or 0):
        run_aws(["ecr", "describe-images", *argv])
    return bool(shown)


@pytest.mark.parametrize(
    "argv",
    [["help"], ["--repository-name", "r", "help"], ["help", "--repository-name", "r"], ["--region", "us-east-1", "help"]],
)
def test_where_awscli_shows_help_we_do(argv):
    assert _awscli_shows_help(argv)
    assert _help(ECR.operation("describe-images"), argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--repository-name", "help"],
        ["--repository-name", "r", "--image-ids", "imageTag=a", "help"],
        ["--repository-name", "r", "--registry-id", "help"],
        ["--repository-name", "r", "--starting-token", "help"],
    ],
)
def test_help_as_a_value_is_a_value_as_in_awscli(argv):
    assert not _awscli_shows_help(argv)
    assert_agrees(ECR, ECR.operation("describe-images"), "generated.ecr", argv)


def test_a_streaming_operation_takes_help_after_its_outfile():
    """An ``outfile`` operation's first free word is the file, unless it is ``help``."""
    from generated.ecr._cli import Operation

    shapes = {"In": ("structure", None, (("Name", "S"),), ("Name",), ""), "S": ("string", None, None, (), "")}
    operation = Operation(
        service="ecr", cli_name="get-thing", input_shape="In", shapes=shapes,
        arguments=(("--name", "Name", "S", True),), paginator=None, idempotency_tokens=(),
        input_skeleton="", output_skeleton="", outfile=True,
    )  # fmt: skip
    assert operation.asks_for_help(["help"])
    assert operation.asks_for_help(["--name", "n", "out.txt", "help"])
    assert not operation.asks_for_help(["--name", "n", "out.txt"])
    assert not operation.asks_for_help(["--name", "help", "out.txt"])


def test_a_parse_never_loads_the_help():
    code = (
        "import sys\n"
        "from generated.ecr import describe_images\n"
        "describe_images.parse_args(['--repository-name', 'r1', '--image-ids', 'imageTag=v1'])\n"
        "print(sorted(name for name in sys.modules if '_help' in name))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        from generated.ecr import describe_images

        with pytest.raises(SystemExit) as exit_info:
            describe_images.parse_args(["help"])
    assert exit_info.value.code == 0
    assert "generated.ecr._help.describe_images" in sys.modules
