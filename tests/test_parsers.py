"""Generated parsers against the AWS CLI: same exit code and the same request
parameters for the same argv, over a corpus built from the model."""

import importlib
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.model.ir import Operation, Service
from generator.pipeline.service import load

from .support.argv import document_argv, is_complex, shorthand
from .support.documents import full_document
from .support.modeldata import minimal_document
from .support.parser_corpus import (
    ECR,
    MISSING_FILE,
    assert_agrees,
    corpus,
)
from .support.paths import OTHER_SERVICES
from .support.trees import package_name, sampled_operations, service_package


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("files")
    (tmp / "text").write_text("from a file\n")
    (tmp / "bytes").write_bytes(b"\x00\x01binary\xff")
    return tmp


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_corpus_agrees_with_awscli(operation, files):
    cases = corpus(ECR, operation, files)
    assert len(cases) >= 10
    for argv in cases:
        assert_agrees(ECR, operation, "generated.ecr", argv)


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_corpus_agrees_with_awscli(name, files):
    service = load(name)
    package = service_package(name)
    # Every third operation, each with its valid documents in both syntaxes and
    # one invalid command line, keeps the run short; ECR gets the whole corpus.
    for operation in sampled_operations(name):
        cases = corpus(service, operation, files)
        for argv in cases[1:3] + cases[7:8]:
            assert_agrees(service, operation, package, argv)


#: Operations whose limit key a paging option takes over: acm's MaxItems
#: (--max-items, which keeps pagination on), mailmanager's PageSize, and
#: cloudfront's MaxItems, a string (so are both sizes' values then).
SHADOWED_PAGING = (
    ("acm", "ListCertificates"),
    ("mailmanager", "ListAddonInstances"),
    ("cloudfront", "ListDistributions"),
)


@pytest.mark.parametrize("name, operation_name", SHADOWED_PAGING)
def test_a_paging_option_in_a_members_place_agrees_with_awscli(name, operation_name, files, tmp_path):
    service = load(name)
    operation = service.operation(operation_name)
    limit = next(m for m in service.shape(operation.input).members if m.name == operation.paginator.limit_key)
    assert f"--{limit.cli_name}" in ("--max-items", "--page-size")  # the member has the option's name
    out = tmp_path / f"shadowed_{package_name(name)}"
    assert main(["--service", name, "--operation", operation_name, "--out", str(out), "--quiet"]) == 0
    sys.path.insert(0, str(out))
    try:
        option = f"--{limit.cli_name}"
        extra = [
            [option, "3"],
            ["--next-token", "t", option, "3"],
            ["--starting-token", "t", option, "3"],
            ["--no-paginate", option, "3"],
            ["--max-items", "4", option, "3"],
            ["--max-items", "0x"],
            ["--max-items", "-1"],
            ["--page-size", "x"],
            ["--max-items", f"file://{files}/text"],
            ["--max-items", MISSING_FILE],
        ]
        for argv in corpus(service, operation, files) + extra:
            assert_agrees(service, operation, package_name(name), argv)
    finally:
        sys.path.remove(str(out))


WORD = st.text(alphabet="ab1=,[]{}\"' \\@-.:", max_size=8)


def _member_words(service: Service, shape_name: str) -> st.SearchStrategy:
    """The words after one option: well-formed values in either syntax, or noise."""
    shape = service.shape(shape_name)
    document = st.sampled_from(
        [full_document(service, shape_name, depth=2)] if shape.type == "structure" else [None]
    )
    shaped = st.just([])
    if shape.type in ("structure", "map") or is_complex(service, shape):
        shaped = st.one_of(
            document.map(lambda doc: [json.dumps(doc)] if doc is not None else ["{}"]),
            document.map(lambda doc: [shorthand(doc)] if doc else ["a=b"]),
        )
    return st.one_of(
        shaped,
        st.lists(WORD, min_size=0, max_size=3),
        st.lists(st.sampled_from(["7", "-1", "true", "x"]), max_size=2),
    )


@st.composite
def _argv(draw, service: Service, operation: Operation) -> list[str]:
    shape = service.shape(operation.input)
    argv: list[str] = []
    for member in draw(st.lists(st.sampled_from(shape.members), max_size=4, unique=True)):
        if service.shape(member.target).type == "boolean":
            argv.append(draw(st.sampled_from([f"--{member.cli_name}", f"--no-{member.cli_name}"])))
            continue
        argv.append(f"--{member.cli_name}")
        argv.extend(draw(_member_words(service, member.target)))
    if draw(st.booleans()):
        minimal = minimal_document(service, operation.input)
        argv = document_argv(service, operation, minimal, draw(st.sampled_from(["json", "shorthand"]))) + argv
    if operation.paginator is not None and draw(st.booleans()):
        argv += draw(st.sampled_from([["--max-items", "2"], ["--starting-token", "t"], ["--page-size", "x"]]))
    return argv


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_generated_argv_agrees_with_awscli(data):
    operation = data.draw(
        st.sampled_from([op for op in ECR.operations if op.input and ECR.shape(op.input).members])
    )
    argv = data.draw(_argv(ECR, operation))
    assert_agrees(ECR, operation, "generated.ecr", argv)


@pytest.mark.parametrize("name", ["dynamodb", "rds-data", "kms"])
def test_generated_argv_agrees_with_awscli_on_other_services(name):
    service = load(name)
    package = service_package(name)
    operations = [op for op in sampled_operations(name) if op.input and service.shape(op.input).members]

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data):
        operation = data.draw(st.sampled_from(operations))
        assert_agrees(service, operation, package, data.draw(_argv(service, operation)))

    check()


_CLASHING = object()


def _clashing_module():
    """An operation whose options clash with the global ones: a prefix of one
    (``--re``, ``--no``), one itself (``--output``), a boolean's ``--no-`` twin."""
    from types import SimpleNamespace

    from generated.ecr._cli import Operation

    shapes = {"Input": ("structure", None, (), (), ""), "S": ("string", None, None, (), ""),
              "B": ("boolean", None, None, (), ""), "L": ("list", None, "S", (), ""), "N": ("long", None, None, (), "")}
    arguments = (("--re", "re", "S", False), ("--output", "output", "S", False), ("--no", "no", "L", False),
                 ("--flag", "flag", "B", False), ("--no-flag-x", "x", "N", False))
    return SimpleNamespace(OPERATION=Operation(
        service="ecr", cli_name="clash", input_shape="Input", shapes=shapes, arguments=arguments,
        paginator=(("re",), "no"), idempotency_tokens=(), input_skeleton="", output_skeleton=""))


def _quick_words(module) -> st.SearchStrategy:
    """Words of a command line: this operation's options, global options and
    their prefixes, ``--x=y`` forms, dashes, numbers and plain values."""
    operation = module.OPERATION
    options = [name for name, *_ in operation.arguments]
    options += ["--no-" + name[2:] for name, _, shape, _ in operation.arguments if operation.shapes[shape][0] == "boolean"]
    options += ["--cli-input-json", "--generate-cli-skeleton", "--starting-token", "--page-size", "--max-items"]
    tricky = ["--region", "--re", "--no", "--output", "--no-paginate", "--debug", "--", "-", "-5", "-x",
              "--repository-name=r", "--repository", "help"]
    values = ["r1", "", "7", "1.5", "x y", "input", "output", "{}", "a=b"]
    return st.lists(st.sampled_from(options * 3 + tricky + values * 2), max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_quick_pass_reads_what_argparse_reads(data):
    """Where the quick pass takes a command line, argparse gives the same values
    for it (and never an error or a --no-paginate); elsewhere argparse decides."""
    from generated.ecr._argparser import parse
    from generated.ecr._cli import CliError

    operation = data.draw(st.one_of(st.just(_CLASHING), st.sampled_from([op for op in ECR.operations if op.input])))
    if operation is _CLASHING:
        module = _clashing_module()
    else:
        module = importlib.import_module(f"generated.ecr.{operation.py_name}")
    argv = data.draw(_quick_words(module))
    quick = module.OPERATION._quick_parse(list(argv))
    if quick is None:
        return
    try:
        values, paginate = parse(module.OPERATION, list(argv))
    except CliError as exc:
        raise AssertionError(f"argparse rejects {argv} ({exc.message}); the quick pass took it")
    assert paginate
    assert {key: value for key, value in values.items() if value is not None} == quick, argv


def test_quick_pass_takes_the_benchmark_command_line():
    module = importlib.import_module("generated.ecr.complete_layer_upload")
    argv = ["--repository-name", "r", "--upload-id", "u", "--layer-digests", "sha256:a", "sha256:b"]
    assert module.OPERATION._quick_parse(argv) is not None
    assert module.OPERATION._quick_parse(argv + ["--generate-cli-skeleton", "output"]) is not None
