"""AWS CLI v2 reference pages, byte for byte against v2's html-target pages.

Both sides are normalised as the v1 pages are (meta block, global options, Examples; v2's
own global options), and the texts of the two options whose wording is v2's own
(``--cli-input-json | --cli-input-yaml``, ``--generate-cli-skeleton``) are set aside on both
sides: the oracle's must be what v2 documents for those options at test time
(``oracle_v2.normalise_v2``). The service page leaves out v2's hand-written commands, as
for v1.
"""

from pathlib import Path

import pytest

from generator.cli import main
from generator.pages.check import check_rst
from generator.model.ir import Service
from generator.pipeline.service import load

from .support.doc_oracle import assert_cli_page_invalid_ours_valid, assert_service_page_matches
from .support.oracle_v2 import (
    OWN_TEXT_OPTIONS,
    SET_ASIDE,
    aws2_own_options,
    aws2_page,
    aws2_service_commands,
    normalise_v2,
)
from .support.paths import GENERATED_V2, OTHER_SERVICES

ECR = load("ecr", "2015-09-21")


def _theirs(*path: str) -> str:
    return normalise_v2(aws2_page(*path), aws2_own_options(*path))


def _ours(path: Path) -> str:
    return normalise_v2(path.read_text(encoding="utf-8"))


def _assert_service_page_matches(service: Service, ours: str) -> None:
    assert_service_page_matches(service, ours, normalise_v2(aws2_page(service.cli_name)), aws2_service_commands(service.cli_name))


def _assert_wait_pages_match(service: Service, folder: Path) -> None:
    commands = aws2_service_commands(service.cli_name)
    assert commands.waiters == tuple(sorted(waiter.cli_name for waiter in service.waiters))
    assert sorted(path.name for path in (folder / "wait").iterdir()) == sorted(
        [f"{name}.rst" for name in commands.waiters] + ["index.rst"]
    )
    assert _ours(folder / "wait" / "index.rst") == _theirs(service.cli_name, "wait")
    for name in commands.waiters:
        assert _ours(folder / "wait" / f"{name}.rst") == _theirs(service.cli_name, "wait", name), name


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_operation_page_equals_awscli_v2(operation):
    assert _ours(GENERATED_V2 / "docs" / "ecr" / f"{operation.cli_name}.rst") == _theirs(
        "ecr", operation.cli_name
    )


def test_ecr_service_page_equals_awscli_v2():
    ours = (GENERATED_V2 / "docs" / "ecr" / "index.rst").read_text(encoding="utf-8")
    _assert_service_page_matches(ECR, ours)
    assert "get-login-password" in aws2_page("ecr") and "get-login-password" not in ours


def test_ecr_wait_pages_equal_awscli_v2():
    assert len(ECR.waiters) == 2
    _assert_wait_pages_match(ECR, GENERATED_V2 / "docs" / "ecr")


def test_only_the_two_own_texts_are_set_aside():
    """Each page sets aside exactly one line per option whose wording is v2's, and v2's page
    holds at that place exactly what v2 documents for the option."""
    ours = (GENERATED_V2 / "docs" / "ecr" / "complete-layer-upload.rst").read_text(encoding="utf-8")
    theirs = aws2_page("ecr", "complete-layer-upload")
    own = aws2_own_options("ecr", "complete-layer-upload")
    for name, heading in OWN_TEXT_OPTIONS.items():
        assert heading in ours and heading in theirs
        assert f"{heading}{own[name]}\n" in theirs
    assert normalise_v2(ours).count(SET_ASIDE) == normalise_v2(theirs, own).count(SET_ASIDE) == 2


def test_v2_pages_differ_from_v1_where_v2_does():
    """What makes a v2 page: [required], constraints lists, both input document options."""
    page = (GENERATED_V2 / "docs" / "ecr" / "complete-layer-upload.rst").read_text(encoding="utf-8")
    assert "``--repository-name`` (string) [required]" in page
    assert "Constraints:" in page and "[--cli-input-json | --cli-input-yaml]" in page


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_v2_pages_equal_awscli_v2(name, other_trees_v2):
    service, tree = other_trees_v2[name]
    folder = tree / "docs" / name
    for operation in service.operations:
        ours = _ours(folder / f"{operation.cli_name}.rst")
        theirs = _theirs(service.cli_name, operation.cli_name)
        if ours != theirs:  # only where v2's page is no valid RST (kms create-key)
            assert_cli_page_invalid_ours_valid(theirs, ours, operation.cli_name)
    _assert_service_page_matches(service, (folder / "index.rst").read_text(encoding="utf-8"))
    if service.waiters:  # dynamodb
        _assert_wait_pages_match(service, folder)
    else:
        assert not (folder / "wait").exists()


def test_a_constraint_with_space_at_its_end_is_valid_rst(tmp_path):
    """geo-places' TypeSeparator pattern ends in a space: v2 writes it inside the literal, which
    then does not close; ours puts the space after it (the generator verifies every page)."""
    argv = ["--service", "geo-places", "--operation", "autocomplete", "--cli-version", "2"]
    assert main([*argv, "--out", str(tmp_path), "--quiet", "--jobs", "1"]) == 0
    ours = _ours(tmp_path / "docs" / "geo-places" / "autocomplete.rst")
    theirs = _theirs("geo-places", "autocomplete")
    assert "pattern: ``$|^ ``" in theirs and "pattern: ``$|^`` \n" in ours
    assert_cli_page_invalid_ours_valid(theirs, ours, "autocomplete.rst")


def test_a_constraint_with_a_line_break_in_it_is_valid_rst(tmp_path):
    """emr-serverless' Arn pattern holds U+0085, which docutils reads as a line break: v2 writes
    it as it is, and its literal then does not close; ours writes ``\\x85``, the same pattern.
    Nothing else differs."""
    argv = ["--service", "emr-serverless", "--operation", "get-job-run", "--cli-version", "2"]
    assert main([*argv, "--out", str(tmp_path), "--quiet", "--jobs", "1"]) == 0
    ours = _ours(tmp_path / "docs" / "emr-serverless" / "get-job-run.rst")
    theirs = _theirs("emr-serverless", "get-job-run")
    pattern = load("emr-serverless").shape("Arn").constraints.pattern
    assert pattern is not None and "\x85" in pattern and f"pattern: ``{pattern}``" in theirs
    escaped = pattern.replace("\x85", "\\x85")
    assert f"pattern: ``{escaped}``" in ours and "\x85" not in ours
    assert ours.replace("\\x85", "\x85") == theirs
    with pytest.raises(ValueError, match="Inline literal start-string without end-string"):
        check_rst("get-job-run.rst", theirs.encode("utf-8"))
    check_rst("get-job-run.rst", ours.encode("utf-8"))
