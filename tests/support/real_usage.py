"""Command lines as people write them, run through awscli and through ours.

The corpus (``tests/corpus/real_usage.json``) was gathered from public
scripts, the AWS CLI user guide and AWS's own examples, not built from the
model: each entry is one ``aws ...`` command line (shell words, as typed),
where it came from, and the files it reads (relative to the folder it runs
in, or under ``~/``). A case runs in a fresh folder with those files and
``HOME`` pointed at a folder of its own, on both sides.
"""

import contextlib
import hashlib
import json
import os
import re
import shlex
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from .argv import run_ours
from .capture import capture_aws
from .parser_corpus import error_line

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "real_usage.json"

#: The AWS CLI's global options that take a value, and those that do not.
GLOBAL_VALUES = frozenset(
    {
        "--region",
        "--output",
        "--profile",
        "--endpoint-url",
        "--query",
        "--color",
        "--ca-bundle",
        "--cli-read-timeout",
        "--cli-connect-timeout",
    }
)
GLOBAL_FLAGS = frozenset({"--debug", "--no-verify-ssl", "--no-paginate", "--no-sign-request", "--v2-debug"})
#: What awscli puts in a caller reference or origin id it makes up
#: (cloudfront's --paths, --origin-domain-name): the time and a random number,
#: compared by form, not by value.
_MADE_UP = re.compile(r"(.*)-\d{9,11}-\d{1,7}")


@dataclass(frozen=True)
class Case:
    line: str
    source: str
    #: Path (relative, or under ``~/``) -> text (bytes for a binary file).
    files: dict[str, str | bytes] = field(default_factory=dict)
    note: str = ""

    @property
    def words(self) -> list[str]:
        return shlex.split(self.line)

    def parts(self) -> tuple[list[str], str, str, list[str]]:
        """``(global options before the service, service, operation, the rest)``."""
        words = self.words[1:]
        before: list[str] = []
        while words and words[0].startswith("--"):
            option = words.pop(0)
            before.append(option)
            if option in GLOBAL_VALUES and words:
                before.append(words.pop(0))
        return before, words[0], words[1], words[2:]

    @property
    def service(self) -> str:
        return self.parts()[1]

    @property
    def operation(self) -> str:
        return self.parts()[2]

    @property
    def key(self) -> str:
        """A stable name for the case: its service, operation and a digest of the line."""
        digest = hashlib.sha1(self.line.encode("utf-8")).hexdigest()[:8]
        return f"{self.service}.{self.operation}.{digest}"


def load_corpus(path: Path = CORPUS) -> list[Case]:
    return [Case(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))]


@contextlib.contextmanager
def case_folder(case: Case) -> Iterator[Path]:
    """A fresh working folder with the case's files, and a home folder of its own."""
    with tempfile.TemporaryDirectory(prefix="real-usage-") as root:
        work, home = Path(root, "work"), Path(root, "home")
        work.mkdir()
        home.mkdir()
        for name, text in case.files.items():
            path = home / name[2:] if name.startswith("~/") else work / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        cwd = os.getcwd()
        os.chdir(work)
        try:
            with mock.patch.dict(os.environ, {"HOME": str(home)}):
                yield work
        finally:
            os.chdir(cwd)


def without_random(value: Any) -> Any:
    """``value`` with made-up caller references replaced by their form."""
    if isinstance(value, dict):
        return {key: without_random(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_random(item) for item in value]
    made_up = _MADE_UP.fullmatch(value) if isinstance(value, str) else None
    if made_up:
        return made_up.group(1) + "-<time>-<random>"
    return value


def _ours_argv(case: Case) -> list[str]:
    """Our operation parser's words: global options may stand anywhere, so
    those written before the service go after the rest."""
    before, _, _, rest = case.parts()
    return [*rest, *before]


def difference(case: Case, package: str, operation: Any) -> str | None:
    """Where ours departs from awscli on ``case`` (None when it does not).

    ``package`` is the import name of the service's generated parsers and
    ``operation`` the IR operation (its ``py_name`` names the module).
    """
    with case_folder(case):
        theirs = capture_aws(case.words[1:])
        ours = run_ours(package, operation, _ours_argv(case))
    if "Traceback" in ours.stderr:
        return f"ours crashed: {ours.stderr.strip().splitlines()[-1][:200]}"
    # awscli that hands over its parameters and fails afterwards (its --query
    # on the stubbed response) parsed the line: the parameters are compared.
    parsed = theirs.exit_code == 0 or (theirs.params is not None and ours.exit_code == 0)
    if not parsed and ours.exit_code != theirs.exit_code:
        return (
            f"exit {ours.exit_code}, awscli {theirs.exit_code}: "
            f"ours {_first(ours.stderr)!r}, awscli {_first(theirs.stderr)!r}"
        )
    if parsed:
        if ours.exit_code != 0:
            return f"exit {ours.exit_code}, awscli {theirs.exit_code}: ours {_first(ours.stderr)!r}"
        mine, yours = without_random(ours.params), without_random(theirs.params)
        if mine != yours:
            return f"parameters differ: ours {_short(mine)}, awscli {_short(yours)}"
        return None
    mine_error, their_error = error_line(ours.exit_code, ours.stderr), error_line(
        theirs.exit_code, theirs.stderr
    )
    if mine_error != their_error:
        return f"errors differ: ours {mine_error[:150]!r}, awscli {their_error[:150]!r}"
    return None


def _first(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:150] if lines else ""


def _short(value: Any) -> str:
    text = json.dumps(value, default=repr, sort_keys=True)
    return text if len(text) <= 300 else text[:300] + "..."


#: CLI service names that are not the model's.
_MODEL_NAMES = {"s3api": "s3", "configservice": "config", "deploy": "codedeploy"}


def model_name(cli_service: str) -> str:
    return _MODEL_NAMES.get(cli_service, cli_service)


@dataclass(frozen=True)
class Result:
    case: Case
    #: None when ours agrees with awscli.
    difference: str | None


def generate_for(cases: list[Case], folder: Path, jobs: int = 1) -> dict[str, str]:
    """Generate, into ``folder`` (its name an importable package name), each
    service the cases use with just the operations they use; ``{service:
    package}``."""
    import sys

    from generator.model.names import python_identifier
    from generator.pipeline import batch
    from generator.pipeline.progress import Progress
    from generator.pipeline.service import load

    wanted: dict[str, set[str]] = {}
    for case in cases:
        wanted.setdefault(model_name(case.service), set()).add(case.operation)
    work = []
    for service, operations in sorted(wanted.items()):
        known = {op.cli_name for op in load(service).operations}
        work.append(batch.Job(service, None, tuple(sorted(operations & known))))
    batch.generate(
        work, batch.Settings(folder, jobs=jobs, use_cache=False), Progress(len(work), enabled=False)
    )
    if str(folder.parent) not in sys.path:
        sys.path.insert(0, str(folder.parent))
    return {service: f"{folder.name}.{python_identifier(service)}" for service in wanted}


def run_cases(cases: list[Case], packages: dict[str, str]) -> list[Result]:
    """Each case against awscli; a crash of the comparison is a difference."""
    from generator.pipeline.service import load

    results = []
    for case in cases:
        service = load(model_name(case.service))
        operation = next((op for op in service.operations if op.cli_name == case.operation), None)
        if operation is None:
            results.append(Result(case, f"no operation {case.operation} in the model"))
            continue
        try:
            found = difference(case, packages[service.name], operation)
        except Exception as exc:  # one comparison's crash is its outcome
            found = f"crash: {exc!r}"[:300]
        results.append(Result(case, found))
    return results
