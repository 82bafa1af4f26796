"""The scripts under scripts/ (benchmarks, conformance runs): started with a Python that
cannot import the project they say so in one line and exit 2; started with the project's
venv they get as far as their usage text."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
PYTHON_SCRIPTS = sorted(
    path
    for path in SCRIPTS.iterdir()
    if path.is_file() and not path.name.startswith("_") and path.read_text().startswith("#!/usr/bin/env python3")
)
# Those that only start other processes (the generator's CLI, a generated parser) import nothing of
# the project themselves.
IMPORT_NOTHING = {"bench-generate", "bench-parsers"}


def test_the_scripts_are_found() -> None:
    assert {"conformance", "pattern-attacks", "wait-pages"} <= {path.name for path in PYTHON_SCRIPTS}


@pytest.mark.parametrize("script", [p for p in PYTHON_SCRIPTS if p.name not in IMPORT_NOTHING], ids=lambda p: p.name)
def test_without_the_venv_one_line_and_exit_2(script: Path) -> None:
    # -S: no site-packages, so neither the generator nor botocore can be imported.
    run = subprocess.run([sys.executable, "-S", str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    assert lines[0].startswith(f"{script.name}: ") and "cannot import generator" in lines[0]
    assert f"scripts/{script.name}" in lines[0]


@pytest.mark.parametrize("script", PYTHON_SCRIPTS, ids=lambda p: p.name)
def test_with_the_venv_usage(script: Path) -> None:
    run = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: ")
