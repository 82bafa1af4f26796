"""What changes for a command line when it moves from AWS CLI v1 to v2, by the two oracles.

Both CLIs parse the same command line with nothing sent (``capture.capture_aws`` for v1,
``oracle_v2.capture_aws2`` for v2); the differences are the request parameters each hands
to its operation caller and the exit code. This is the ground truth a migration check of
our own parsers (issue 14) must reproduce: it reports a difference exactly when these do.
"""

import base64
import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .capture import OpenFile, capture_aws
from .oracle_v2 import capture_aws2


def comparable(value: Any) -> Any:
    """v1's captured parameters in the form the v2 oracle reports them (JSON: blobs
    ``{"$bytes": base64}``, open files ``{"$file": path}``, timestamps ``{"$datetime": iso}``)."""
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [comparable(item) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, OpenFile):
        return {"$file": value.name}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return {"$repr": repr(value)}  # as the v2 oracle reports any other value (Decimal)


@dataclass(frozen=True)
class Move:
    """One command line under both CLIs."""

    v1_exit: int
    v2_exit: int
    v1_params: Any
    v2_params: Any
    v1_stderr: str
    v2_stderr: str

    @property
    def differs(self) -> bool:
        return self.v1_exit != self.v2_exit or self.v1_params != self.v2_params


def _paths(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two parameter trees part, as ``path: v1 -> v2`` lines."""
    if (
        isinstance(a, dict)
        and isinstance(b, dict)
        and not {"$bytes", "$file", "$datetime"} & (a.keys() | b.keys())
    ):
        lines = []
        for key in list(a) + [k for k in b if k not in a]:
            if a.get(key, "(absent)") != b.get(key, "(absent)"):
                lines += _paths(
                    a.get(key, "(absent)"), b.get(key, "(absent)"), f"{path}.{key}" if path else key
                )
        return lines
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [line for i, (x, y) in enumerate(zip(a, b)) for line in _paths(x, y, f"{path}[{i}]")]
    return [f"{path or '(parameters)'}: {a!r} -> {b!r}"]


def move(argv: Sequence[str], cwd: str | None = None, validate_stub: bool = True) -> Move:
    """``aws ARGV`` under v1 and under v2 (``cwd``: the folder this process runs in, where v2
    runs too, with this process's ``HOME``). By default as the CLIs run: both check their stub
    response for ``--generate-cli-skeleton output`` (``validate_stub=False``: as the parsers
    do, which print the skeleton)."""
    import os

    v1 = capture_aws(list(argv), validate_stub=validate_stub)
    v2 = capture_aws2(
        list(argv), cwd=cwd, home=os.environ.get("HOME") if cwd else None, validate_stub=validate_stub
    )
    v1_params = comparable(v1.params) if v1.params is not None else None
    return Move(v1.exit_code, v2.exit_code, v1_params, v2.params, v1.stderr, v2.stderr)


def differences(argv: Sequence[str]) -> list[str]:
    """One line per difference: the exit code, then each parameter that v2 sends otherwise."""
    found = move(argv)
    lines = []
    if found.v1_exit != found.v2_exit:
        lines.append(f"exit code: {found.v1_exit} -> {found.v2_exit}")
    if found.v1_params != found.v2_params:
        if found.v1_params is None or found.v2_params is None:
            lines.append(
                "request: "
                + ("not sent" if found.v1_params is None else "sent")
                + " -> "
                + ("not sent" if found.v2_params is None else "sent")
            )
        else:
            lines += _paths(found.v1_params, found.v2_params)
    return lines
