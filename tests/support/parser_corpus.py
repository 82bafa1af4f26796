"""The parser corpus built from the model, and how a parser outcome is compared with awscli's.

Shared by the parser tests and ``scripts/conformance``.
"""

import json
from pathlib import Path
from typing import Any

from generator.model.ir import Operation, Service
from generator.pipeline.service import load

from .argv import document_argv, is_complex, run_ours
from .capture import capture_aws
from .documents import full_document
from .modeldata import minimal_document

ECR = load("ecr", "2015-09-21")
MISSING_FILE = "file:///nonexistent/parameter.json"
#: The word an operation with streaming output takes for its output file.
OUTFILE = "response.out"
MAX_ITEMS_WARNING = "warning: Non-positive values for --max-items may result in undefined behavior."


def error_line(code: int, stderr: str) -> str:
    """What must agree between two failures: argparse's message for usage
    errors (the program name differs), the first line of a parameter error,
    the whole message otherwise."""
    lines = [line for line in stderr.strip().splitlines() if line.strip() and line != MAX_ITEMS_WARNING]
    if not lines:
        return ""
    if code == 2:
        return lines[-1].split("error: ", 1)[-1]
    if lines[-1].startswith("Unknown options:"):
        return lines[-1]
    if lines[0].startswith("Error parsing parameter"):
        return lines[0]
    return "\n".join(lines)


def assert_agrees(service: Service, operation: Operation, package: str, argv: list[str]) -> None:
    skeleton_output = "--generate-cli-skeleton" in argv and "output" in argv
    theirs = capture_aws([service.name, operation.cli_name, *argv], validate_stub=not skeleton_output)
    ours = run_ours(package, operation, argv)
    assert ours.exit_code == theirs.exit_code, (argv, ours.stderr, theirs.stderr)
    assert "Traceback" not in ours.stderr
    assert (MAX_ITEMS_WARNING in ours.stderr) == (MAX_ITEMS_WARNING in theirs.stderr), argv
    if theirs.exit_code == 0:
        if "--generate-cli-skeleton" in argv:
            assert ours.stdout == theirs.stdout, argv
        else:
            assert ours.params == theirs.params, argv
    else:
        assert error_line(ours.exit_code, ours.stderr) == error_line(theirs.exit_code, theirs.stderr), argv


#: Values for the members botocore's endpoint rules read as ARNs (service, member): with
#: a placeholder such as ``a`` there, awscli parses the same parameters and then fails
#: before the request ("must be a valid ARN"), which says nothing of the parsers.
ENDPOINT_ARNS = {
    ("kinesis", "StreamARN"): "arn:aws:kinesis:us-east-1:123456789012:stream/a",
    ("kinesis", "ConsumerARN"): "arn:aws:kinesis:us-east-1:123456789012:stream/a/consumer/b:1",
    ("kinesis", "ResourceARN"): "arn:aws:kinesis:us-east-1:123456789012:stream/a",
    ("cloudfront-keyvaluestore", "KvsARN"): "arn:aws:cloudfront::123456789012:key-value-store/a",
}


def _with_endpoint_arns(service: Service, document: dict[str, Any]) -> dict[str, Any]:
    return {key: ENDPOINT_ARNS.get((service.name, key), value) for key, value in document.items()}


def corpus(service: Service, operation: Operation, tmp: Path) -> list[list[str]]:
    """Valid and invalid command lines for one operation."""
    minimal = _with_endpoint_arns(service, minimal_document(service, operation.input))
    full = _with_endpoint_arns(service, full_document(service, operation.input))
    cases = [
        document_argv(service, operation, minimal, "shorthand"),
        document_argv(service, operation, full, "shorthand"),
        document_argv(service, operation, full, "json"),
        ["--cli-input-json", json.dumps(full)],
        ["--generate-cli-skeleton"],
        ["--generate-cli-skeleton", "input"],
        ["--generate-cli-skeleton", "output", *document_argv(service, operation, minimal, "json")],
        ["--bogus-option", "1", *document_argv(service, operation, minimal, "shorthand")],
        ["--cli-input-json", "{bad"],
        ["--cli-input-json", MISSING_FILE],
        [
            "--region",
            "us-west-2",
            "--output",
            "json",
            "--color",
            "off",
            *document_argv(service, operation, minimal, "json"),
        ],
    ]
    if full:
        document = tmp / f"{operation.py_name}.json"
        document.write_text(json.dumps(full))
        cases.append(["--cli-input-json", f"file://{document}"])
    if minimal:
        key, value = next(iter(full.items()))
        cases.append(["--cli-input-json", json.dumps({key: value, "unknownMember": 1})])
    if operation.paginator is not None:
        base = document_argv(service, operation, minimal, "shorthand")
        cases += [
            base + ["--max-items", "5", "--page-size", "2", "--starting-token", "token"],
            base + ["--max-items", "0"],
            base + ["--max-items", "x"],
            base + ["--no-paginate", "--max-items", "5"],
            base + ["--no-paginate", "--page-size", "2"],
            base + ["--page-size", "2"],
            # The CLI counts a paging value that is false (0) as not given.
            base + ["--no-paginate", "--max-items", "0"],
            base + ["--no-paginate", "--page-size", "0"],
            # A string paging value is read from file:// like a member's.
            base + ["--starting-token", MISSING_FILE],
            base + ["--starting-token", f"file://{tmp}/text"],
            base + ["--no-paginate"],
            # Tokens botocore's paginator decodes: base64 JSON naming an
            # unknown member, naming an input token, and the legacy form.
            base + ["--starting-token", "eyJhIjoxfQ=="],
            base + ["--starting-token", "eyJuZXh0VG9rZW4iOiAidCJ9"],
            base + ["--starting-token", "x___y___3"],
            base + ["--starting-token", "x___2"],
        ]
    shape = service.shape(operation.input) if operation.input else None
    for member in shape.members if shape else ():
        target = service.shape(member.target)
        others = {k: v for k, v in minimal.items() if k != member.name}
        base = document_argv(service, operation, others, "shorthand")
        option = f"--{member.cli_name}"
        if member.required:
            cases.append(base)  # missing required
        if target.type in ("integer", "long"):
            cases += [base + [option, "x"], base + [option, "1.5"], base + [option, " 3 "]]
        if target.type in ("float", "double"):
            cases += [base + [option, "x"], base + [option, "1e3"]]
        if target.type == "string":
            cases += [
                base + [option, ""],
                base + [option, MISSING_FILE],
                base + [option, f"file://{tmp}/text"],
            ]
        if target.type == "blob":
            cases += [base + [option, "fileb://" + str(tmp / "bytes")], base + [option, "text"]]
            if member.streaming or target.streaming:  # a path to a file, for the CLI
                cases += [base + [option, str(tmp / "bytes")], base + [option, str(tmp)]]
        if is_complex(service, target):
            cases += [
                base + [option, "{bad"],
                base + [option, "a=[b"],
                base + [option, "a=b,a=c"],
                base + [option, MISSING_FILE],
                base + [option, "[1]"],
            ]
    if operation.streaming_output:
        # The CLI's outfile word: after the options, before them, missing, and
        # with a stray word after it.
        options = document_argv(service, operation, minimal, "shorthand")
        cases = [case + [OUTFILE] for case in cases] + [
            [OUTFILE, *options],
            options,
            [*options, OUTFILE, "stray"],
        ]
    return cases


#: The word an operation with streaming output takes for its output file.
OUTFILE = "response.out"
