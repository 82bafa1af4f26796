"""Generated v2 parsers against AWS CLI v2: same exit code, same request parameters (or the
same message) for the same argv: the v1 parser corpus for every ECR operation and a sample of
the other services, a sample of the real-usage corpus, and v2's own rules (base64 blobs,
``--cli-binary-format``, ``--cli-input-yaml``, ``yaml-input``, URLs taken literally)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline.service import load

from .support.argv import run_ours
from .support.parser_corpus import ECR, corpus
from .support.parsers_v2 import (
    difference,
    error_text,
    real_usage_difference,
    real_usage_packages,
    v2_package,
)
from .support.paths import GENERATED_V2, OTHER_SERVICES
from .support.real_usage import load_corpus
from .support.trees import sampled_operations


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("files")
    (tmp / "text").write_text("from a file\n")
    (tmp / "bytes").write_bytes(b"\x00\x01binary\xff")
    (tmp / "request.yaml").write_text("repositoryName: r1\nmaxResults: 5\nfilter:\n  tagStatus: TAGGED\n")
    return tmp


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_corpus_agrees_with_aws2(operation, files):
    cases = corpus(ECR, operation, files)
    assert len(cases) >= 10
    # The valid command lines and every fourth other one, to keep CI in its budget
    # (scripts/parsers-v2-corpus ecr runs them all).
    found = [(argv, difference(ECR, operation, "generated.v2.ecr", argv)) for argv in cases[:4] + cases[4::4]]
    assert [(argv, why) for argv, why in found if why] == []


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_corpus_agrees_with_aws2(name, files):
    service = load(name)
    package = v2_package(name)
    found = []
    for operation in sampled_operations(name):
        cases = corpus(service, operation, files)
        for argv in cases[1:3] + cases[7:8] + [case for case in cases if "text" in case or "x" in case][:3]:
            why = difference(service, operation, package, argv)
            if why:
                found.append((operation.cli_name, argv, why))
    assert found == []


#: Every fifth case of the real-usage corpus (scripts/parsers-v2-corpus --real runs them all).
REAL = load_corpus()[::5]


@pytest.fixture(scope="module")
def real_packages(tmp_path_factory):
    return real_usage_packages(REAL, tmp_path_factory.mktemp("real_v2"))


@pytest.mark.parametrize("case", REAL, ids=lambda case: case.key)
def test_real_usage_agrees_with_aws2(case, real_packages):
    assert real_usage_difference(case, real_packages) is None


UPLOAD = ECR.operation("UploadLayerPart")
UPLOAD_ARGS = [
    "--repository-name",
    "rr",
    "--upload-id",
    "u",
    "--part-first-byte",
    "0",
    "--part-last-byte",
    "1",
]


@pytest.mark.parametrize(
    "extra",
    [
        ["--layer-part-blob", "YWJj"],
        ["--layer-part-blob", "YWJj="],
        ["--layer-part-blob", "abc"],
        ["--layer-part-blob", "a"],
        ["--layer-part-blob", "é"],
        ["--layer-part-blob", "YW Jj"],
        ["--layer-part-blob", "abc", "--cli-binary-format", "raw-in-base64-out"],
        ["--layer-part-blob", "abc", "--cli-binary-format", "base64"],
        ["--layer-part-blob", "abc", "--cli-binary-format", "bogus"],
        ["--layer-part-blob", "fileb://{files}/bytes"],
        ["--layer-part-blob", "file://{files}/text"],
        ["--layer-part-blob", "a", "--repository-name", "r"],
        ["--layer-part-blob", "a", "--generate-cli-skeleton", "output"],
    ],
)
def test_blobs_are_base64_text(extra, files):
    argv = UPLOAD_ARGS + [word.format(files=files) for word in extra]
    assert difference(ECR, UPLOAD, "generated.v2.ecr", argv) is None


def test_blobs_in_input_documents_are_base64_text(files):
    document = {"repositoryName": "rr", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1}
    for blob in ("YWJj", "abc"):
        for binary_format in ([], ["--cli-binary-format", "raw-in-base64-out"]):
            argv = ["--cli-input-json", json.dumps({**document, "layerPartBlob": blob}), *binary_format]
            assert difference(ECR, UPLOAD, "generated.v2.ecr", argv) is None, argv
    yaml = (
        "repositoryName: rr\nuploadId: u\npartFirstByte: 0\npartLastByte: 1\nlayerPartBlob: !!binary YWJj\n"
    )
    assert difference(ECR, UPLOAD, "generated.v2.ecr", ["--cli-input-yaml", yaml]) is None


DESCRIBE = ECR.operation("DescribeImages")


@pytest.mark.parametrize(
    "argv",
    [
        ["--cli-input-yaml", "file://{files}/request.yaml"],
        ["--cli-input-yaml", "repositoryName: rr\nmaxResults: '5'\n"],
        ["--cli-input-yaml", "repositoryName: yes\n"],
        ["--cli-input-yaml", "repositoryName: 0x10\n"],
        ["--cli-input-yaml", "repositoryName: rr\nimageIds:\n- imageTag: 2020-01-01\n"],
        ["--cli-input-yaml", "{bad"],
        ["--cli-input-yaml", "repositoryName: rr\nrepositoryName: zz\n"],
        ["--cli-input-yaml", "repositoryName: !!python/object:os.system x\n"],
        ["--cli-input-yaml", "repositoryName: *x\n"],
        ["--cli-input-yaml", "[1]"],
        ["--cli-input-yaml", ""],
        ["--cli-input-yaml", "file:///nonexistent/request.yaml"],
        ["--cli-input-yaml", "repositoryName: rr\n", "--repository-name", "zz"],
        ["--cli-input-json", '{"repositoryName": "rr"}', "--cli-input-yaml", "repositoryName: rr\n"],
        ["--cli-input-json", "[1]"],
        ["--cli-input-json", "null"],
        ["--cli-input-json", ""],
        ["--cli-input-json", "https://example.com/request.json"],
        ["--generate-cli-skeleton", "yaml-input"],
        ["--repository-name", "rr", "--generate-cli-skeleton", "yaml-input"],
        ["--repository-name", "rr", "--generate-cli-skeleton", "bogus"],
        # URLs are values as they are: nothing is downloaded.
        ["--repository-name", "https://example.com/name"],
        ["--repository-name", "http://127.0.0.1:9/name"],
        ["--repository-name", "rr", "--starting-token", "https://example.com/token"],
        ["--repository-name", "rr", "--image-ids", "imageTag@=https://example.com/tag"],
        ["--repository-name", "rr", "--image-ids", "imageTag@=file://{files}/text"],
        # v2's global options.
        ["--repository-name", "rr", "--output", "yaml", "--no-cli-pager", "--cli-error-format", "json"],
        ["--repository-name", "rr", "--no-cli-auto-prompt"],
        ["--repository-name", "rr", "--v2-debug"],
        ["--repository-name", "rr", "--cli-read-timeout", "x"],
        ["--repository-name", "rr", "--no-paginate", "--max-items", "5"],
        # Shorthand errors point at where they are.
        ["--repository-name", "rr", "--filter", "tagStatus=[a,b"],
        ["--repository-name", "rr", "--filter", "tagStatus"],
        ["--repository-name", "rr", "--filter", 'tagStatus="abc'],
        ["--repository-name", "rr", "--filter", "x=[a,b],y={c=d,e}"],
        ["--repository-name", "rr", "--filter", "tagStatus=a,\nb"],
    ],
)
def test_v2_rules_agree_with_aws2(argv, files):
    argv = [word.replace("{files}", str(files)) for word in argv]
    assert difference(ECR, DESCRIBE, "generated.v2.ecr", argv) is None


def test_yaml_input_skeleton_is_the_committed_file():
    for operation in ECR.operations[::7]:
        ours = run_ours("generated.v2.ecr", operation, ["--generate-cli-skeleton", "yaml-input"])
        path = GENERATED_V2 / "skeletons" / "ecr" / f"{operation.cli_name}.input.yaml"
        assert ours.exit_code == 0 and ours.stdout == path.read_text(encoding="utf-8"), operation.cli_name


def test_auto_prompt_is_one_line_and_exit_252():
    ours = run_ours("generated.v2.ecr", DESCRIBE, ["--repository-name", "rr", "--cli-auto-prompt"])
    assert ours.exit_code == 252
    assert ours.stderr.count("\n") == 1 and "does not prompt" in ours.stderr
    # --no-cli-auto-prompt wins, as in v2.
    ours = run_ours(
        "generated.v2.ecr", DESCRIBE, ["--repository-name", "rr", "--cli-auto-prompt", "--no-cli-auto-prompt"]
    )
    assert ours.exit_code == 0 and ours.params == {"repositoryName": "rr"}


def test_cli_input_yaml_without_ruamel_is_one_line(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ruamel.yaml", None)
    ours = run_ours("generated.v2.ecr", DESCRIBE, ["--cli-input-yaml", "repositoryName: rr\n"])
    assert ours.exit_code == 255
    assert error_text(ours.stderr).count("\n") == 0 and "ruamel.yaml" in ours.stderr


def _v2_options(service: str, operation: str) -> dict[str, str | None]:
    from .support.oracle_v2 import aws2_arguments

    model = load(service)
    return {
        f"--{name}": member
        for name, _, member, _ in aws2_arguments(model.cli_name, model.operation(operation).cli_name)
    }


def test_v2_customisations_are_v1s_less_the_dropped_aliases():
    """Every option of v1's customisation table, asked of v2's argument tables: present in v2
    exactly where ``rules_for(..., 2)`` keeps it."""
    from generator.clirules import customisations as v1
    from generator.clirules.customisations_v2 import ALIASES_AS_NAMES, DROPPED_ALIASES, rules_for

    departures = []
    for entry in (*v1.RENAMED, *v1.NEGATIVE_RENAMED, *v1.ADDED):
        if entry.option not in _v2_options(entry.service, entry.operation):
            departures.append(entry)
    for alias in v1.ALIASES:
        found = rules_for(alias.service, alias.operation, 2)
        kept = alias.member in found.aliases
        options = _v2_options(alias.service, alias.operation)
        if found.renamed.get(alias.member) == alias.option:  # the member's only name in v2
            assert [option for option, member in options.items() if member == alias.member] == [alias.option]
            continue
        assert (alias.option in options) == kept, alias
        if not kept:  # the member's model option stands alone
            assert alias.member in options.values(), alias
    assert departures == []
    assert {(a.service, a.operation, a.member) for a in v1.ALIASES} >= DROPPED_ALIASES | ALIASES_AS_NAMES


SHORTHAND_WORD = st.text(alphabet="ab=,[]{}\"' \\@\n", max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(["--filter", "--image-ids"]), SHORTHAND_WORD)
def test_shorthand_and_its_errors_agree_with_aws2(option, word):
    """v2's shorthand reads as v1's; its errors show the input with a caret where it stopped."""
    assert difference(ECR, DESCRIBE, "generated.v2.ecr", ["--repository-name", "rr", option, word]) is None
