"""atheris (coverage-guided, libFuzzer) over ECR's generated parsers (argv
and --cli-input-json documents) and strict validators, for a bounded time:
20 seconds of fuzzing in a child process (tests/support/fuzz_atheris.py). Any
exception other than SystemExit 0, 2 or 255 is a crash and fails the run."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "support" / "fuzz_atheris.py"


def test_atheris_finds_no_crash(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "-max_total_time=20",
            "-max_len=4096",
            "-seed=7",
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Done" in result.stderr and "runs in" in result.stderr
    assert not list(tmp_path.glob("crash-*"))
