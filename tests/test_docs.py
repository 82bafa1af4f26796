"""Reference pages, byte for byte against the AWS CLI's html-target pages.

Both sides are normalised the same way (``doc_oracle.normalise``): the meta
block, the global options and the Examples section do not come from the
model (our Examples come from the model's ``examples-1``, which no CLI page
shows; ``test_examples.py`` checks them). The service page differs in one documented way: the CLI also lists
its hand-written commands (ECR: ``get-login``, ``get-login-password``), not in the
model; the test asks the CLI's command table which those are, removes exactly
their entries from the CLI's page and compares the rest. The ``wait`` pages
(the service's waiters) are compared like operation pages.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import VerificationError
from generator.model.ir import Service
from generator.pages.check import check_rst
from generator.pipeline.service import load
from generator.pipeline.verify import verify

from .support.doc_oracle import (
    assert_cli_page_invalid_ours_valid,
    assert_service_page_matches,
    awscli_page,
    awscli_service_commands,
    normalise,
)
from .support.paths import GENERATED, MODELS, OTHER_SERVICES, ROOT

ECR = load("ecr", "2015-09-21")
_TOCTREE_ENTRY = re.compile(r"^  ([^:\s]\S*)$", re.MULTILINE)


def _toctree(page: str) -> list[str]:
    return _TOCTREE_ENTRY.findall(page.split(".. toctree::", 1)[1])


def _assert_service_page_matches(service: Service, ours: str) -> None:
    assert_service_page_matches(service, ours, normalise(awscli_page(service.cli_name)), awscli_service_commands(service.cli_name))


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_operation_page_equals_awscli(operation):
    ours = (GENERATED / "docs" / "ecr" / f"{operation.cli_name}.rst").read_text(encoding="utf-8")
    assert normalise(ours) == normalise(awscli_page("ecr", operation.cli_name))
    # Our Examples section is there exactly when the model has examples.
    assert ("\n========\nExamples\n========\n" in ours) == bool(operation.examples)


def test_ecr_service_page_equals_awscli():
    ours = (GENERATED / "docs" / "ecr" / "index.rst").read_text(encoding="utf-8")
    _assert_service_page_matches(ECR, ours)
    assert "get-login-password" in awscli_page("ecr") and "get-login-password" not in ours
    assert _toctree(ours)[-1] == "wait/index"


def _assert_wait_pages_match(service: Service, folder: Path) -> None:
    """``wait/index.rst`` and a page per waiter, as the CLI documents ``aws <service> wait``."""
    commands = awscli_service_commands(service.cli_name)
    assert commands.waiters == tuple(sorted(waiter.cli_name for waiter in service.waiters))
    assert sorted(path.name for path in (folder / "wait").iterdir()) == sorted(
        [f"{name}.rst" for name in commands.waiters] + ["index.rst"]
    )
    ours = (folder / "wait" / "index.rst").read_text(encoding="utf-8")
    assert ours == normalise(awscli_page(service.cli_name, "wait"))
    for name in commands.waiters:
        ours = (folder / "wait" / f"{name}.rst").read_text(encoding="utf-8")
        assert ours == normalise(awscli_page(service.cli_name, "wait", name)), name


@pytest.mark.parametrize("waiter", ECR.waiters, ids=lambda waiter: waiter.cli_name)
def test_ecr_waiter_page_equals_awscli(waiter):
    ours = (GENERATED / "docs" / "ecr" / "wait" / f"{waiter.cli_name}.rst").read_text(encoding="utf-8")
    assert ours == normalise(awscli_page("ecr", "wait", waiter.cli_name))


def test_ecr_wait_pages_equal_awscli():
    assert len(ECR.waiters) == 2
    _assert_wait_pages_match(ECR, GENERATED / "docs" / "ecr")


def test_every_ecr_operation_has_a_page_and_the_index_links_the_service():
    names = sorted(path.name for path in (GENERATED / "docs" / "ecr").iterdir())
    assert len(ECR.operations) == 58
    assert names == sorted([f"{op.cli_name}.rst" for op in ECR.operations] + ["index.rst", "wait"])
    index = (GENERATED / "docs" / "index.rst").read_text(encoding="utf-8")
    assert ".. _cli:aws:" in index
    assert _toctree(index) == ["ecr/index"]


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_pages_equal_awscli(name, other_trees):
    service, tree = other_trees[name]
    folder = tree / "docs" / name
    for operation in service.operations:
        ours = normalise((folder / f"{operation.cli_name}.rst").read_text(encoding="utf-8"))
        theirs = normalise(awscli_page(name, operation.cli_name))
        if ours != theirs:  # only where the CLI's page is no valid RST (kms create-key)
            assert_cli_page_invalid_ours_valid(theirs, ours, operation.cli_name)
    _assert_service_page_matches(service, (folder / "index.rst").read_text(encoding="utf-8"))
    if service.waiters:  # dynamodb
        _assert_wait_pages_match(service, folder)
    else:
        assert not (folder / "wait").exists()


# Pages where the CLI's RST draws docutils warnings, one construct each:
# s3 put-object has inline markup ending in space after nested markup, in
# ``code`` and in bold, and a literal that starts with space after one.
WARNING_PAGES = {"s3": ("PutObject",), "ec2": ("CreateLaunchTemplate",)}


@pytest.mark.parametrize("name", sorted(WARNING_PAGES))
def test_where_the_cli_page_draws_warnings_ours_is_valid(name, tmp_path):
    out = tmp_path / "out"
    operations = [arg for operation in WARNING_PAGES[name] for arg in ("--operation", operation)]
    assert main(["--service", name, *operations, "--out", str(out), "-q", "--jobs", "1", "--no-examples"]) == 0
    service = load(name)
    for operation_name in WARNING_PAGES[name]:
        cli_name = service.operation(operation_name).cli_name
        ours = (out / "docs" / name / f"{cli_name}.rst").read_text(encoding="utf-8")
        theirs = normalise(awscli_page(service.cli_name, cli_name))
        assert ours != theirs
        assert_cli_page_invalid_ours_valid(theirs, ours, cli_name)


def test_normalise_removes_exactly_the_three_blocks():
    page = awscli_page("ecr", "complete-layer-upload")
    normalised = normalise(page)
    for removed in (".. meta::", "Global Options\n", "Examples\n", "[--debug]", "[--region <value>]"):
        assert removed in page
        assert removed not in normalised
    for kept in ("Description\n", "Synopsis\n", "Options\n", "Output\n", "[--cli-input-json <value>]"):
        assert kept in normalised


def test_pages_open_as_the_seed_does_breadcrumbs_one_blank_line_then_the_label():
    opening = "[ :ref:`aws <cli:aws>` . :ref:`ecr <cli:aws ecr>` ]\n\n.. _cli:aws ecr complete-layer-upload:\n"
    assert normalise(awscli_page("ecr", "complete-layer-upload")).startswith(opening)
    assert (GENERATED / "docs/ecr/complete-layer-upload.rst").read_text().startswith(opening)


def test_pages_are_the_same_under_another_hash_seed(tmp_path):
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [
            sys.executable,
            "-m",
            "generator",
            "--out",
            str(out),
            "--quiet",
            "--operation",
            "CreateRepository",
        ]
        subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=120)
        trees.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.rst"))})
    assert trees[0] == trees[1]
    assert len(trees[0]) == 3


def test_verification_rejects_a_broken_page_and_accepts_sphinx_names():
    with pytest.raises(VerificationError, match="Unknown directive"):
        verify({"docs/ecr/broken.rst": b"Title\n=====\n\n.. no-such-directive::\n"})
    with pytest.raises(VerificationError, match="Unknown interpreted text role"):
        verify({"docs/ecr/broken.rst": b"Title\n=====\n\n:no-such-role:`x`\n"})
    # Errors the transforms find, which docutils keeps outside the tree.
    for text, error in (
        (b"see Service_ here\n", "Unknown target name"),
        (b"a `link <http://a.example >`__\n", "Anonymous hyperlink mismatch"),
        (b"x |sub| y\n", "Undefined substitution"),
    ):
        with pytest.raises(VerificationError, match=error):
            verify({"docs/ecr/broken.rst": text})
    verify({"docs/ecr/fine.rst": b"[ :ref:`aws <cli:aws>` ]\n\n.. toctree::\n  :maxdepth: 1\n\n  a\n"})
    # The check reuses one docutils publisher: a good page leaves nothing behind.
    with pytest.raises(VerificationError, match="Unknown directive"):
        verify({"docs/ecr/broken.rst": b"Title\n=====\n\n.. no-such-directive::\n"})


def test_hostile_model_text_stays_text(tmp_path):
    from docutils import nodes
    from docutils.core import publish_doctree

    from .support.hostile import SERVICE, hostile_model, write_model

    data_path = write_model(tmp_path / "models", hostile_model())
    out = tmp_path / "out"
    assert main(["--service", SERVICE, "--data-path", str(data_path), "--out", str(out), "-q"]) == 0
    page = (out / "docs" / SERVICE / "do-thing.rst").read_text(encoding="utf-8")
    check_rst("do-thing.rst", page.encode("utf-8"))  # also registers the Sphinx names used below
    document = publish_doctree(
        page,
        settings_overrides={"report_level": 5, "line_length_limit": 100_000_000, "warning_stream": False},
    )
    assert list(document.findall(nodes.raw)) == []
    text = document.astext()
    assert ".. raw:: html" in text and "alert(1)" in text  # the would-be directive is text
    assert "\ufffd" in page  # unpaired surrogates replaced, not a crash
    assert "x" * 1_000_000 in text


# Waiters ----------------------------------------------------------------------

TINY_MODELS = MODELS


def _waiter(operation: str, *acceptors: dict, **more) -> dict:
    return {"operation": operation, "delay": 15, "maxAttempts": 40, "acceptors": list(acceptors), **more}


def _acceptor(state: str, matcher: str, expected, argument: str | None = None) -> dict:
    acceptor = {"state": state, "matcher": matcher, "expected": expected}
    return acceptor if argument is None else {**acceptor, "argument": argument}


# Every way the CLI describes a waiter: the model's description, or one built
# from the success acceptor (each matcher; strings, numbers and booleans),
# none at all, and a waiter of a deprecated operation (the CLI lists it nowhere).
TINY_WAITERS = {
    "ThingDescribed": _waiter(
        "PutThing", _acceptor("success", "path", "X"), description="Wait until <b>it</b> is."
    ),
    "ThingReady": _waiter(
        "PutThing",
        _acceptor("failure", "path", "FAILED", "thing.state"),
        _acceptor("success", "path", "READY", "thing.state"),
    ),
    "AllDone": _waiter("PutThing", _acceptor("success", "pathAll", True, "things[].done")),
    "AnyDone": _waiter("PutThing", _acceptor("success", "pathAny", "DONE", "things[].state")),
    "ThingFound": _waiter("PutThing", _acceptor("success", "status", 200), delay=2.5),
    "ThingGone": _waiter("PutThing", _acceptor("success", "error", "NotFound")),
    "NeverDone": _waiter("PutThing", _acceptor("retry", "error", "Busy")),
    "PingAnswered": _waiter("Ping", _acceptor("success", "path", False, "busy")),
}


def _tiny_models(root: Path, waiters: dict, deprecate: str = "") -> Path:
    models = root / "models"
    shutil.copytree(TINY_MODELS, models)
    folder = models / "tinysvc" / "2020-01-01"
    if deprecate:
        model = json.loads((folder / "service-2.json").read_text())
        model["operations"][deprecate]["deprecated"] = True
        (folder / "service-2.json").write_text(json.dumps(model))
    (folder / "waiters-2.json").write_text(json.dumps(waiters))
    return models


def test_every_kind_of_waiter_page_equals_awscli(tmp_path):
    models = _tiny_models(tmp_path, {"version": 2, "waiters": TINY_WAITERS}, deprecate="Ping")
    out = tmp_path / "out"
    assert main(["--service", "tinysvc", "--data-path", str(models), "--out", str(out), "-q"]) == 0
    service = load("tinysvc", data_paths=[models])
    folder = out / "docs" / "tinysvc"
    data_paths = [str(models)]
    theirs = normalise(awscli_page("tinysvc", data_paths=data_paths))
    assert (folder / "index.rst").read_text(encoding="utf-8") == theirs
    assert (folder / "wait" / "index.rst").read_text(encoding="utf-8") == normalise(
        awscli_page("tinysvc", "wait", data_paths=data_paths)
    )
    commands = awscli_service_commands("tinysvc", data_paths=data_paths)
    assert commands.waiters == tuple(sorted(waiter.cli_name for waiter in service.waiters))
    assert len(commands.waiters) == len(TINY_WAITERS)
    for name in commands.waiters:
        ours = (folder / "wait" / f"{name}.rst").read_text(encoding="utf-8")
        assert ours == normalise(awscli_page("tinysvc", "wait", name, data_paths=data_paths)), name
    assert "wait/ping-answered" in (folder / "unlisted.rst").read_text(encoding="utf-8")


_MINIMAL = {"operation": "Ping", "delay": 1, "maxAttempts": 2, "acceptors": []}


@pytest.mark.parametrize(
    "waiters, message",
    [
        ({"version": 1, "waiters": {}}, "has version 1; only version 2"),
        ({"version": 2}, "has no 'waiters' object"),
        (
            {"version": 2, "waiters": {"Gone": {**_MINIMAL, "operation": "Nope"}}},
            "polls unknown operation 'Nope'",
        ),
        (
            {"version": 2, "waiters": {"Gone": {**_MINIMAL, "delay": "1"}}},
            "'delay' is missing or not a number",
        ),
        ({"version": 2, "waiters": {"../x": _MINIMAL}}, "not a plain identifier"),
        (
            {
                "version": 2,
                "waiters": {"Gone": {**_MINIMAL, "acceptors": [_acceptor("success", "regex", "x")]}},
            },
            "unknown acceptor matcher 'regex'",
        ),
        (
            {"version": 2, "waiters": {"Index": _MINIMAL}},
            "map to the same file 'docs/tinysvc/wait/index.rst'",
        ),
    ],
    ids=["version", "no-waiters", "operation", "delay", "name", "matcher", "index-name"],
)
def test_a_bad_waiter_model_is_one_line_exit_2(tmp_path, capsys, waiters, message):
    models = _tiny_models(tmp_path, waiters)
    out = tmp_path / "out"
    assert main(["--service", "tinysvc", "--data-path", str(models), "--out", str(out), "-q"]) == 2
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1 and message in error, error
    assert not out.exists()
