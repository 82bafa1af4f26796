"""Writes the rendered set to the output directory, all or nothing.

The new tree is written next to the old one, then the two are exchanged with
one ``renameat2(RENAME_EXCHANGE)`` where the kernel has it (two renames
otherwise), so a failed or killed run leaves the previous tree complete. The
output directory ends up holding exactly the rendered files; a manifest marks
it as ours, so that a folder the generator did not write is never replaced.
"""

import ctypes
import ctypes.util
import hashlib
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError
from .verify import verify

MANIFEST = ".manifest"
_RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class Summary:
    written: int
    unchanged: int
    removed: int


def with_manifest(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The rendered set plus its manifest: one ``sha256  path`` line per file."""
    lines = [f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items())]
    header = "# Written by `python -m generator`; do not edit files in this tree by hand.\n"
    return {**files, MANIFEST: (header + "".join(lines)).encode()}


def read_tree(root: Path) -> dict[str, bytes]:
    tree = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            tree[path.relative_to(root).as_posix()] = path.read_bytes()
    return tree


def differences(files: Mapping[str, bytes], root: Path) -> list[str]:
    """``stale``, ``missing`` and ``orphan`` lines: how ``root`` differs from ``files``."""
    expected = with_manifest(files)
    actual = read_tree(root) if root.is_dir() else {}
    report = []
    for path in sorted(expected.keys() | actual.keys()):
        if path not in actual:
            report.append(f"missing: {path}")
        elif path not in expected:
            report.append(f"orphan: {path}")
        elif actual[path] != expected[path]:
            report.append(f"stale: {path}")
    return report


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _recover(out: Path) -> None:
    """Undo what a run killed between its two renames left behind."""
    for leftover in sorted(out.parent.glob(f".{out.name}.old-*")):
        if not out.exists():
            leftover.rename(out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.parent.glob(f".{out.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def write_tree(files: Mapping[str, bytes], out: Path) -> Summary:
    verify(files)
    full = with_manifest(files)
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _recover(out)
        old = read_tree(out) if out.is_dir() else {}
    except OSError as exc:
        raise OutputError(f"cannot prepare {out}: {exc.strerror or exc}") from exc
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a directory")
    if old and MANIFEST not in old:
        raise OutputError(
            f"refusing to replace {out}: it holds files this generator did not write (no {MANIFEST})"
        )
    summary = Summary(
        written=sum(1 for path, data in full.items() if old.get(path) != data),
        unchanged=sum(1 for path, data in full.items() if old.get(path) == data),
        removed=sum(1 for path in old if path not in full),
    )
    if old == full:
        return summary
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    try:
        for path, data in sorted(full.items()):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _swap(staging, out)
    except OSError as exc:
        raise OutputError(
            f"cannot write {out}: {exc.strerror or exc}; the previous tree is unchanged"
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        return  # ``staging`` now holds the old tree; the caller removes it
    backup = out.parent / f".{out.name}.old-{os.getpid()}"
    out.rename(backup)
    staging.rename(out)
    shutil.rmtree(backup, ignore_errors=True)
