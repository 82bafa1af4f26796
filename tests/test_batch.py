"""Many services at once: parallel workers, progress, the incremental cache."""

import io
import json
import shutil

from generator import cli
from generator.pipeline.progress import Progress
from generator.pipeline.writer import read_tree

from .support.hostile import write_model
from .support.paths import MODELS

SAMPLE = ("kms", "rds-data", "sts")


def test_output_is_identical_whatever_the_number_of_jobs(tmp_path):
    trees = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        argv = [arg for name in SAMPLE for arg in ("--service", name)]
        assert cli.main([*argv, "--jobs", jobs, "--out", str(out), "-q", "--no-cache"]) == 0
        trees.append(read_tree(out))
    assert trees[0] == trees[1]
    assert {path.split("/")[1] for path in trees[0] if path.startswith("skeletons/")} == set(SAMPLE)


def test_check_covers_every_service_of_a_multi_service_tree(tmp_path, capsys):
    out = tmp_path / "out"
    argv = [arg for name in SAMPLE for arg in ("--service", name)] + ["--out", str(out), "-q"]
    assert cli.main(argv) == 0
    assert cli.main([*argv, "--check"]) == 0
    (out / "skeletons/sts/assume-role.input.json").write_text("{}\n")
    assert cli.main([*argv, "--check"]) == 1
    assert "stale: skeletons/sts/assume-role.input.json" in capsys.readouterr().out


def test_an_unchanged_service_is_not_rendered_again(tmp_path, capsys):
    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    write_model(models, json.loads((MODELS / "tinysvc/2020-01-01/service-2.json").read_text()), "othersvc")
    out = tmp_path / "out"
    argv = ["--service", "tinysvc", "--service", "othersvc", "--data-path", str(models), "--out", str(out)]
    assert cli.main([*argv, "--jobs", "1"]) == 0
    first = read_tree(out)
    capsys.readouterr()

    assert cli.main([*argv, "--jobs", "1"]) == 0
    printed = capsys.readouterr()
    assert "0 files written" in printed.out
    assert (
        "tinysvc: 2 operations unchanged" in printed.err and "othersvc: 2 operations unchanged" in printed.err
    )
    assert read_tree(out) == first

    # A model change renders that service again, and only that one.
    model_path = models / "othersvc/2024-01-01/service-2.json"
    model = json.loads(model_path.read_text())
    model["shapes"]["Color"]["enum"] = ["green", "blue"]
    model_path.write_text(json.dumps(model))
    assert cli.main([*argv, "--jobs", "1"]) == 0
    printed = capsys.readouterr()
    assert (
        "othersvc: 2 operations rendered" in printed.err and "tinysvc: 2 operations unchanged" in printed.err
    )
    assert json.loads((out / "skeletons/othersvc/put-thing.input.json").read_text())["color"] == "green"
    # A hand-edited file is noticed, and rendered over.
    edited = out / "skeletons/tinysvc/ping.input.json"
    edited.write_text("{}\n\n")
    assert cli.main([*argv, "--jobs", "1"]) == 0
    assert read_tree(out)["skeletons/tinysvc/ping.input.json"] == first["skeletons/tinysvc/ping.input.json"]


def test_progress_prints_plain_lines_off_a_terminal():
    stream = io.StringIO()
    progress = Progress(2, stream=stream)
    progress.advance("ecr", 58, reused=False)
    progress.advance("sts", 9, reused=True)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[1/2] ecr: 58 operations rendered (")
    assert lines[1].startswith("[2/2] sts: 9 operations unchanged (")


def test_progress_draws_a_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(2, stream=stream)
    progress.advance("ecr", 58, reused=False)
    progress.advance("sts", 9, reused=False)
    text = stream.getvalue()
    assert text.startswith("\r[###############...............] 1/2 services, 58 operations, ")
    assert "\r[##############################] 2/2 services, 67 operations, " in text and "ETA" in text
    assert text.endswith("\n")
