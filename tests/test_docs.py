"""Reference pages, byte for byte against the AWS CLI's html-target pages.

Both sides are normalised the same way (``doc_oracle.normalise``): the meta
block, the global options and the Examples section do not come from the
model. The service page differs in one documented way: the CLI also lists
commands that are not model operations (its own customisations such as
``get-login``, and ``wait`` built from the waiter model).
"""

import os
import re
import subprocess
import sys

import pytest

from generator.cli import main
from generator.errors import VerificationError
from generator.generate import load
from generator.ir import Service
from generator.verify import verify

from .conftest import GENERATED, OTHER_SERVICES, ROOT
from .doc_oracle import awscli_page, normalise

ECR = load("ecr", "2015-09-21")
_TOCTREE_ENTRY = re.compile(r"^  ([^:\s]\S*)$", re.MULTILINE)


def _toctree(page: str) -> list[str]:
    return _TOCTREE_ENTRY.findall(page.split(".. toctree::", 1)[1])


def _assert_service_page_matches(service: Service, ours: str) -> None:
    theirs = normalise(awscli_page(service.name))
    model_commands = {operation.cli_name for operation in service.operations}
    cli_only = [entry for entry in _toctree(theirs) if entry not in model_commands]
    # The one allowed difference: entries for commands that are not in the model.
    # Deprecated operations are listed by neither (the CLI leaves them undocumented).
    assert _toctree(ours) == sorted(op.cli_name for op in service.operations if not op.deprecated)
    assert not set(cli_only) & model_commands
    head, toctree = theirs.split(".. toctree::", 1)
    toctree = "".join(line for line in toctree.splitlines(keepends=True) if line.strip() not in cli_only)
    assert ours == head + ".. toctree::" + toctree


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_operation_page_equals_awscli(operation):
    ours = (GENERATED / "docs" / "ecr" / f"{operation.cli_name}.rst").read_text(encoding="utf-8")
    assert ours == normalise(awscli_page("ecr", operation.cli_name))


def test_ecr_service_page_equals_awscli():
    ours = (GENERATED / "docs" / "ecr" / "index.rst").read_text(encoding="utf-8")
    _assert_service_page_matches(ECR, ours)


def test_every_ecr_operation_has_a_page_and_the_index_links_the_service():
    names = sorted(path.name for path in (GENERATED / "docs" / "ecr").iterdir())
    assert len(ECR.operations) == 58
    assert names == sorted([f"{op.cli_name}.rst" for op in ECR.operations] + ["index.rst"])
    index = (GENERATED / "docs" / "index.rst").read_text(encoding="utf-8")
    assert ".. _cli:aws:" in index
    assert _toctree(index) == ["ecr/index"]


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_pages_equal_awscli(name, other_trees):
    service, tree = other_trees[name]
    folder = tree / "docs" / name
    for operation in service.operations:
        ours = (folder / f"{operation.cli_name}.rst").read_text(encoding="utf-8")
        assert ours == normalise(awscli_page(name, operation.cli_name)), operation.cli_name
    _assert_service_page_matches(service, (folder / "index.rst").read_text(encoding="utf-8"))


def test_normalise_removes_exactly_the_three_blocks():
    page = awscli_page("ecr", "complete-layer-upload")
    normalised = normalise(page)
    for removed in (".. meta::", "Global Options\n", "Examples\n", "[--debug]", "[--region <value>]"):
        assert removed in page
        assert removed not in normalised
    for kept in ("Description\n", "Synopsis\n", "Options\n", "Output\n", "[--cli-input-json <value>]"):
        assert kept in normalised


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
    verify({"docs/ecr/fine.rst": b"[ :ref:`aws <cli:aws>` ]\n\n.. toctree::\n  :maxdepth: 1\n\n  a\n"})
    # The check reuses one docutils publisher: a good page leaves nothing behind.
    with pytest.raises(VerificationError, match="Unknown directive"):
        verify({"docs/ecr/broken.rst": b"Title\n=====\n\n.. no-such-directive::\n"})


def test_hostile_model_text_stays_text(tmp_path):
    from docutils import nodes
    from docutils.core import publish_doctree

    from generator.rstcheck import check_rst

    from .hostile import SERVICE, hostile_model, write_model

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
