"""The v2 conformance judge (``tests/support/conformance_v2.py``) on commands whose difference
from v2 has each kind of reason, each found by asking v2 at run time: hooks v2 registers
lazily (route53's page note), an argument read in v2's legacy list syntax (elb), a command v2
drops (lambda), a hook of v2 that fails on every command of this botocore's model
(signin), v2's RST that is no valid RST where ours is (sqs: identical, as for v1), and
our deliberate difference at a tag v2 does not know (apigatewayv2: a mismatch that says so);
and the parsers of those commands (identical, but the command v2 drops).
"""

import pytest

from generator.cli import main as generate

from generator.pages.check import FULL_PARSE_LIMIT

from .support.conformance import Outcome
from .support.conformance_v2 import KINDS, _page_difference, service_outcomes
from .support.oracle_v2 import aws2_own_options, aws2_page, normalise_v2

#: service -> the operations generated and compared (CLI names)
SAMPLE = {
    "route53": ("create-hosted-zone", "get-traffic-policy", "list-hosted-zones"),
    "elb": ("remove-tags", "describe-instance-health"),
    "lambda": ("invoke-with-response-stream", "list-functions"),
    "sqs": ("create-queue",),
    "apigatewayv2": ("update-integration",),
    "signin": (),
    # Its response handler reads the body itself: the oracle's stubbed response has none.
    "s3": ("get-bucket-location",),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[tuple[str, str, str], Outcome]:
    found = {}
    for service, operations in SAMPLE.items():
        # A package name of its own for each service's parsers (imported side by side).
        tree = tmp_path_factory.mktemp(service) / f"v2conf_{service.replace('-', '_')}"
        chosen = [arg for operation in operations for arg in ("--operation", operation)]
        argv = ["--service", service, "--cli-version", "2", "--out", str(tree), "--quiet", "--jobs", "1"]
        assert generate(argv + chosen) == 0
        for outcome in service_outcomes(service, tree, kinds=KINDS, operations=operations):
            found[(outcome.service, outcome.operation, outcome.kind)] = outcome
    return found


def test_hooks_v2_registers_lazily_are_found(outcomes):
    page = outcomes[("route53", "create-hosted-zone", "page")]
    assert page.status == "customized"
    assert "add_private_zone_note (doc-option.route53.create-hosted-zone.hosted-zone-config)" in page.reason
    renamed = outcomes[("route53", "get-traffic-policy", "page")]
    assert renamed.status == "customized" and "_rename_arg" in renamed.reason


def test_the_legacy_list_syntax_is_v2s_own(outcomes):
    for operation, option in (("remove-tags", "--tags"), ("describe-instance-health", "--instances")):
        page = outcomes[("elb", operation, "page")]
        assert page.status == "customized"
        assert page.reason.endswith(f"v2's hand-written legacy list syntax: {option}")


def test_a_command_v2_drops_is_customized(outcomes):
    for kind in ("skeleton-input", "skeleton-yaml", "skeleton-output", "page", "parser"):
        outcome = outcomes[("lambda", "invoke-with-response-stream", kind)]
        assert (outcome.status, outcome.reason) == ("customized", "v2 has no such command")


def test_a_service_v2s_hooks_break_is_compared_without_them(outcomes):
    signin = [outcome for key, outcome in outcomes.items() if key[0] == "signin"]
    assert len(signin) == 6  # the one operation's five artifacts and the service page
    for outcome in signin:
        assert outcome.status == "customized"
        assert outcome.reason.startswith("v2 fails on every command of the service (KeyError: ")
        assert (
            "identical without its hooks: rename_signin_commands (building-command-table.signin)"
            in outcome.reason
        )


def test_model_commands_agree(outcomes):
    for key in (
        ("route53", "list-hosted-zones", "page"),
        ("lambda", "list-functions", "page"),
        ("sqs", "create-queue", "skeleton-yaml"),
        # v2's RST of the Attributes list is invalid (a literal that does not close); ours is
        # valid, with the same words.
        ("sqs", "create-queue", "page"),
        ("sqs", "(service page)", "service-page"),
        ("elb", "(service page)", "service-page"),
        ("route53", "(service page)", "service-page"),
        ("route53", "create-hosted-zone", "parser"),
        ("elb", "remove-tags", "parser"),
        ("elb", "describe-instance-health", "parser"),
        ("sqs", "create-queue", "parser"),
        ("s3", "get-bucket-location", "parser"),
    ):
        assert outcomes[key].status == "identical", (key, outcomes[key].reason)


def test_our_deliberate_difference_says_why(outcomes):
    page = outcomes[("apigatewayv2", "update-integration", "page")]
    assert page.status == "mismatch"
    assert page.reason.startswith("ours keeps a space v2 leaves out")
    assert "{location} is" in page.reason and "{location}is" in page.reason


def test_nothing_else_differs(outcomes):
    expected = {
        ("route53", "create-hosted-zone", "page"),
        ("route53", "get-traffic-policy", "page"),
        ("elb", "remove-tags", "page"),
        ("elb", "describe-instance-health", "page"),
        ("apigatewayv2", "update-integration", "page"),
        ("lambda", "(service page)", "service-page"),
    } | {
        ("lambda", "invoke-with-response-stream", kind)
        for kind in ("skeleton-input", "skeleton-yaml", "skeleton-output", "page", "parser")
    }
    differing = {
        key for key, outcome in outcomes.items() if outcome.status != "identical" and key[0] != "signin"
    }
    assert differing == expected, {key: outcomes[key].reason for key in differing ^ expected}


def test_a_page_too_large_to_parse_is_judged_by_section(tmp_path):
    """wafv2 ``get-web-acl-for-resource``'s page runs to 260,000 lines, past what docutils parses
    whole: v2's invalid RST (sqs ``create-queue``'s, here with an output section as large
    appended to both pages) is still found where it is, and any other difference, in a small
    section or the large one, is still a mismatch."""
    tree = tmp_path / "v2conf_large"
    argv = ["--service", "sqs", "--operation", "create-queue", "--cli-version", "2", "--out", str(tree), "-q"]
    assert generate([*argv, "--jobs", "1"]) == 0
    ours = normalise_v2((tree / "docs" / "sqs" / "create-queue.rst").read_text(encoding="utf-8"))
    theirs = normalise_v2(aws2_page("sqs", "create-queue"), aws2_own_options("sqs", "create-queue"))
    assert ours != theirs and _page_difference(ours, theirs, "create-queue.rst") is None
    large = "\n======\nOutput\n======\n\n" + "".join(f"  Member{i} -> (string)\n\n    Text {i}.\n\n" for i in range(80_000))
    assert len(large) > FULL_PARSE_LIMIT
    assert _page_difference(ours + large, theirs + large, "create-queue.rst") is None
    word = _page_difference(ours.replace("standard or FIFO", "standrd or FIFO", 1) + large, theirs + large, "create-queue.rst")
    assert word is not None and "standrd" in word
    late = _page_difference(ours + large.replace("Text 79990.", "Text 79991."), theirs + large, "create-queue.rst")
    assert late is not None  # (it names the first spot where the pages part, the small section)
