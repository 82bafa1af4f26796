"""The generator as people install it: the sdist, the wheel built from it, a fresh venv, another folder.

The wheel must hold everything the generator needs (subpackages, templates, the
parsers' runtime), and the installed console script must write exactly what the
checkout's editable install writes.
"""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from generator.pipeline.writer import read_tree

from .support.paths import ROOT

SERVICES = ("sts", "ecr")


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # The wheel is built from the sdist, so a file the sdist lacks is missing from the wheel too.
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """A fresh venv with the built wheel (and its dependencies) installed."""
    env = tmp_path_factory.mktemp("venv") / "v"
    venv.EnvBuilder(with_pip=True).create(env)
    (wheel,) = dist.glob("*.whl")
    subprocess.run([env / "bin/python", "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    return env


def test_the_wheel_holds_every_subpackage_the_templates_and_the_runtime(dist):
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert source <= names, sorted(source - names)
    assert "generator/templates/docs/operation.rst.jinja" in names
    assert "generator/python/runtime/_cli.py" in names


def test_the_installed_console_script_writes_what_the_checkout_writes(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    selection = [arg for name in SERVICES for arg in ("--service", name)]
    subprocess.run(
        [installed / "bin/aws-cli-artifacts", *selection, "--out", "out", "--quiet", "--no-cache"],
        cwd=work,
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "generator", *selection, "--out", str(tmp_path / "ours"), "--quiet", "--no-cache"],
        cwd=ROOT,
        check=True,
    )
    theirs, ours = read_tree(work / "out"), read_tree(tmp_path / "ours")
    assert sorted(theirs) == sorted(ours)
    assert [path for path in ours if theirs[path] != ours[path]] == []
    assert any(path.startswith("sts/") for path in ours) and any(path.startswith("ecr/") for path in ours)


def test_the_installed_module_runs_from_another_folder_and_refuses_bad_input(installed, tmp_path):
    result = subprocess.run(
        [installed / "bin/python", "-m", "generator", "--service", "sts"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "needs --out DIR" in result.stderr
    assert list(tmp_path.iterdir()) == []
