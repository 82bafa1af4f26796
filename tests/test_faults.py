"""Faults while writing: the previous tree stays intact and complete."""

import os
import signal
import subprocess
import sys
import time

from generator import cli
from generator.pipeline.writer import read_tree

from .support.paths import ROOT


def test_an_unwritable_output_location_is_one_line_exit_4(capsys):
    # Even root cannot create folders in /proc: a real read-only location.
    assert cli.main(["--out", "/proc/aws-cli-artifacts-test", "-q"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("error: cannot ") and len(err.splitlines()) == 1


def test_an_output_path_that_is_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("keep me")
    assert cli.main(["--out", str(target), "-q"]) == 4
    assert "not a directory" in capsys.readouterr().err
    assert target.read_text() == "keep me"


def test_a_killed_run_leaves_a_complete_tree_and_the_next_run_succeeds(tmp_path):
    new_tree = tmp_path / "expected"
    assert cli.main(["--service", "dynamodb", "--out", str(new_tree), "-q"]) == 0
    expected_new = read_tree(new_tree)
    out = tmp_path / "generated"
    assert cli.main(["--out", str(out), "-q"]) == 0
    expected_old = read_tree(out)

    outcomes = set()
    for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0):
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "--service", "dynamodb", "--out", str(out), "-q"],
            cwd=ROOT,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        tree = read_tree(out)
        assert tree in (expected_old, expected_new)
        outcomes.add("new" if tree == expected_new else "old")
        if tree == expected_new:
            break
    # The next run repairs whatever a kill left and ends with the new tree.
    assert cli.main(["--service", "dynamodb", "--out", str(out), "-q"]) == 0
    assert read_tree(out) == expected_new
    assert sorted(os.listdir(tmp_path)) == ["expected", "generated"]
    assert "old" in outcomes  # at least one kill landed before the swap
