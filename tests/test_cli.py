"""The command line: --check, errors, data paths, atomic and deterministic output."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.pipeline.kinds import skeletons
from generator.pipeline.writer import MANIFEST, read_tree

from .support.oracle import run_aws
from .support.paths import GENERATED, MODELS, ROOT


def run_generator(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The generator as a user runs it: a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_check_passes_on_the_committed_tree():
    assert cli.main(["--check", "--out", str(GENERATED), "--quiet"]) == 0


def test_check_reports_changed_missing_and_orphan_files(tmp_path, capsys):
    out = tmp_path / "generated"
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__"))
    changed = out / "skeletons/ecr/complete-layer-upload.input.json"
    changed.write_text(changed.read_text() + " ")
    (out / "skeletons/ecr/list-images.output.json").unlink()
    (out / "skeletons/ecr/extra.json").write_text("{}")
    before = read_tree(out)

    assert cli.main(["--check", "--out", str(out)]) == 1

    printed = capsys.readouterr().out.splitlines()
    assert "stale: skeletons/ecr/complete-layer-upload.input.json" in printed
    assert "missing: skeletons/ecr/list-images.output.json" in printed
    assert "orphan: skeletons/ecr/extra.json" in printed
    assert read_tree(out) == before  # --check writes nothing


def test_check_reports_a_missing_tree(tmp_path, capsys):
    assert cli.main(["--check", "--out", str(tmp_path / "absent")]) == 1
    assert "missing: .manifest" in capsys.readouterr().out


def test_regeneration_rewrites_exactly_the_rendered_set(tmp_path):
    out = tmp_path / "generated"
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__"))
    (out / "skeletons/ecr/extra.json").write_text("{}")
    (out / "skeletons/ecr/list-images.output.json").unlink()
    assert cli.main(["--out", str(out), "--quiet"]) == 0
    assert read_tree(out) == read_tree(GENERATED)


@pytest.mark.parametrize(
    "argv, suggestion",
    [
        (["--service", "ecrr"], "did you mean: ecr"),
        (["--operation", "complete-layer-uplod"], "did you mean: complete-layer-upload"),
        (["--operation", "CompleteLayerUplod"], "CompleteLayerUpload"),
        (["--service", "ecr", "--api-version", "1999-01-01"], "it has 2015-09-21"),
    ],
)
def test_unknown_names_exit_2_with_one_line_and_write_nothing(tmp_path, argv, suggestion):
    out = tmp_path / "out"
    result = run_generator(*argv, "--out", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert suggestion in lines[0]
    assert not out.exists()


def test_operations_by_api_and_cli_name(tmp_path):
    out = tmp_path / "out"
    assert (
        cli.main(
            ["--operation", "CompleteLayerUpload", "--operation", "list-images", "--out", str(out), "-q"]
        )
        == 0
    )
    assert sorted(p.name for p in (out / "skeletons/ecr").iterdir()) == [
        "complete-layer-upload.input.json",
        "complete-layer-upload.output.json",
        "list-images.input.json",
        "list-images.output.json",
    ]


def test_a_failed_verification_leaves_the_old_tree_intact(tmp_path, monkeypatch, capsys):
    out = tmp_path / "generated"
    assert cli.main(["--out", str(out), "--quiet"]) == 0
    before = read_tree(out)

    def broken(service, operations, renderer, cli):
        for path, text in skeletons.render(service, operations, renderer, cli):
            yield path, text[:-3]  # truncated JSON

    kind = type("Broken", (), {"render": staticmethod(broken)})
    monkeypatch.setattr("generator.pipeline.kinds.KINDS", {1: (kind,), 2: (kind,)})
    assert cli.main(["--out", str(out), "--no-cache"]) == 3
    message = capsys.readouterr().err
    # Both versions' trees are rendered in parallel: either may fail first.
    prefix = "error: generated output failed verification: "
    assert message.startswith((f"{prefix}skeletons/ecr/", f"{prefix}v2/skeletons/ecr/"))
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]  # no staging left behind


def test_a_failed_write_leaves_the_old_tree_intact(tmp_path, monkeypatch, capsys):
    out = tmp_path / "generated"
    assert cli.main(["--out", str(out), "--quiet", "--operation", "list-images"]) == 0
    before = read_tree(out)
    written = []

    def failing_write(self, data):
        written.append(self)
        if len(written) > 2:
            raise OSError(28, "No space left on device")
        return original(self, data)

    original = Path.write_bytes
    monkeypatch.setattr(Path, "write_bytes", failing_write)
    assert cli.main(["--out", str(out), "--quiet", "--no-cache"]) == 4
    monkeypatch.undo()
    assert "No space left on device" in capsys.readouterr().err
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_a_run_killed_between_renames_is_recovered(tmp_path):
    out = tmp_path / "generated"
    assert cli.main(["--out", str(out), "--quiet"]) == 0
    expected = read_tree(out)
    out.rename(tmp_path / ".generated.old-4242")  # the old tree, moved aside
    (tmp_path / ".generated.new-4242").mkdir()  # a half-written new tree
    assert cli.main(["--out", str(out), "--quiet"]) == 0
    assert read_tree(out) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert cli.main(["--out", str(tmp_path)]) == 4
    assert "refusing to replace" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert not (tmp_path / MANIFEST).exists()


def test_output_is_deterministic_across_hash_seeds(tmp_path):
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        result = run_generator("--service", "dynamodb", "--out", str(out), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(out))
    assert trees[0] == trees[1]
    text = b"".join(trees[0].values())
    assert str(tmp_path).encode() not in text and str(ROOT).encode() not in text


def test_second_run_writes_nothing(tmp_path, capsys):
    out = tmp_path / "generated"
    assert cli.main(["--out", str(out)]) == 0
    capsys.readouterr()
    assert cli.main(["--out", str(out)]) == 0
    assert ", 0 files written," in capsys.readouterr().out


@pytest.mark.parametrize("how", ["option", "environment"])
def test_models_from_a_data_path_match_awscli(tmp_path, how, monkeypatch):
    out = tmp_path / "out"
    if how == "option":
        argv = ["--service", "tinysvc", "--data-path", str(MODELS), "--out", str(out), "-q"]
    else:
        monkeypatch.setenv("AWS_DATA_PATH", str(MODELS))
        argv = ["--service", "tinysvc", "--out", str(out), "-q"]
    assert cli.main(argv) == 0
    for operation in ("put-thing", "ping"):
        theirs = run_aws(["tinysvc", operation, "--generate-cli-skeleton"], data_paths=[str(MODELS)])
        assert theirs.exit_code == 0, theirs.stderr
        assert (out / f"skeletons/tinysvc/{operation}.input.json").read_text() == theirs.stdout
    theirs = run_aws(
        ["tinysvc", "put-thing", "--generate-cli-skeleton", "output", "--name", "a"], data_paths=[str(MODELS)]
    )
    assert theirs.exit_code == 0, theirs.stderr
    assert (out / "skeletons/tinysvc/put-thing.output.json").read_text() == theirs.stdout
    assert json.loads((out / "skeletons/tinysvc/put-thing.input.json").read_text())["color"] == "blue"


def test_a_malformed_model_is_one_line_exit_2(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    model = models / "tinysvc/2020-01-01/service-2.json"
    model.write_text(model.read_text()[:-20])
    out = tmp_path / "out"
    result = run_generator("--service", "tinysvc", "--data-path", str(models), "--out", str(out))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "tinysvc" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_model_with_a_dangling_reference_names_the_shape(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    model_path = models / "tinysvc/2020-01-01/service-2.json"
    model = json.loads(model_path.read_text())
    model["shapes"]["Node"]["members"]["value"]["shape"] = "Nowhere"
    model_path.write_text(json.dumps(model))
    result = run_generator("--service", "tinysvc", "--data-path", str(models), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr == "error: shape 'Node': member 'value' refers to unknown shape 'Nowhere'\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["--service", "sts"],
        ["--all-services"],
        ["--operation", "list-images"],
        ["--api-version", "2015-09-21"],
        ["--data-path", str(MODELS)],
        ["--cli-version", "2"],
    ],
    ids=lambda argv: argv[0],
)
def test_a_selection_without_out_is_refused_and_writes_nothing(tmp_path, argv):
    before = read_tree(GENERATED)
    result = subprocess.run(
        [sys.executable, "-m", "generator", *argv], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {argv[0]} changes what is generated, so it needs --out DIR")
    assert len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
    assert read_tree(GENERATED) == before


def test_a_data_path_that_does_not_exist_is_exit_2(tmp_path):
    result = run_generator("--service", "sts", "--data-path", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr == f"error: --data-path {tmp_path / 'nowhere'}: no such folder\n"
    assert not (tmp_path / "o").exists()


def test_a_second_run_into_the_same_folder_waits_for_the_first(tmp_path):
    from generator.pipeline.writer import locked

    out = tmp_path / "out"
    argv = [sys.executable, "-m", "generator", "--service", "tinysvc", "--data-path", str(MODELS)]
    with locked(out, exclusive=True):  # stands for a first run, still writing
        second = subprocess.Popen(
            [*argv, "--out", str(out), "-q"], cwd=ROOT, stderr=subprocess.PIPE, text=True
        )
        assert second.stderr is not None
        assert second.stderr.readline() == f"waiting for another run of the generator on {tmp_path} to finish\n"
        assert second.poll() is None and not out.exists()
    assert second.wait(timeout=120) == 0
    assert (out / "skeletons/tinysvc/ping.input.json").is_file()
    assert cli.main(["--service", "tinysvc", "--data-path", str(MODELS), "--out", str(out), "--check", "-q"]) == 0
