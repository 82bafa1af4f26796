"""Writes the rendered set to the output directory, all or nothing.

The new tree is built in a staging folder next to the old one, then the two
are exchanged with one ``renameat2(RENAME_EXCHANGE)`` where the kernel has it
(two renames otherwise), so a failed or killed run leaves the previous tree
complete. The output directory ends up holding exactly the rendered files and
a manifest (``sha256  path`` per file) that marks it as ours: a folder the
generator did not write is never replaced.
"""

import contextlib
import ctypes
import ctypes.util
import fcntl
import hashlib
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator.errors import OutputError

MANIFEST = ".manifest"
_MANIFEST_HEADER = "# Written by `python -m generator`; do not edit files in this tree by hand.\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_text(hashes: Mapping[str, str]) -> bytes:
    lines = "".join(f"{digest}  {path}\n" for path, digest in sorted(hashes.items()))
    return (_MANIFEST_HEADER + lines).encode()


def with_manifest(hashes: Mapping[str, str]) -> dict[str, str]:
    """``hashes`` plus the manifest's own entry: the whole tree as it will be."""
    return {**hashes, MANIFEST: sha256(manifest_text(hashes))}


def read_manifest(root: Path) -> dict[str, str] | None:
    """``{path: sha256}`` from ``root``'s manifest, the manifest's own hash
    included; None when there is no manifest."""
    try:
        data = (root / MANIFEST).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot read {root / MANIFEST}: {exc.strerror or exc}") from exc
    text = data.decode("utf-8", errors="replace")
    entries = {MANIFEST: sha256(data)}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            digest, _, path = line.partition("  ")
            entries[path] = digest
    return entries


def list_tree(root: Path) -> list[str]:
    """Relative paths of the files under ``root`` (caches excluded)."""
    if not root.is_dir():
        return []
    paths: list[str] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        base = Path(folder).relative_to(root)
        paths.extend((base / name).as_posix() for name in names)
    return sorted(paths)


def read_tree(root: Path) -> dict[str, bytes]:
    return {path: (root / path).read_bytes() for path in list_tree(root)}


def compare(files: Mapping[str, bytes], root: Path) -> list[str]:
    """``stale`` and ``missing`` lines for the files ``root`` should hold."""
    report = []
    for path, data in sorted(files.items()):
        try:
            actual = (root / path).read_bytes()
        except FileNotFoundError:
            report.append(f"missing: {path}")
            continue
        except OSError:
            actual = None
        if actual != data:
            report.append(f"stale: {path}")
    return report


@contextlib.contextmanager
def locked(out: Path, exclusive: bool) -> Iterator[None]:
    """Hold the lock of ``out`` for a write (exclusive) or a check (shared).

    Two runs into one folder at once (parallel build steps) would each build a
    tree and the last swap would win silently; the second waits for the first
    instead. The lock is on the folder that holds ``out``, whose inode the swap
    does not change.
    """
    parent = out.absolute().parent
    try:
        if exclusive:
            parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        yield  # nothing to check against, nothing to protect
        return
    except OSError as exc:
        raise OutputError(f"cannot lock {out}: {exc.strerror or exc}") from exc
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another run of the generator on {parent} to finish", file=sys.stderr)
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)


def prepare(out: Path) -> dict[str, str]:
    """Repair what a killed run left, refuse foreign folders; the old manifest."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _recover(out)
    except OSError as exc:
        raise OutputError(f"cannot prepare {out}: {exc.strerror or exc}") from exc
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a directory")
    manifest = read_manifest(out) if out.is_dir() else None
    if manifest is None:
        if list_tree(out):
            raise OutputError(
                f"refusing to replace {out}: it holds files this generator did not write (no {MANIFEST})"
            )
        return {}
    return manifest


def write_files(root: Path, files: Mapping[str, bytes], out: Path) -> dict[str, tuple[str, int, int]]:
    """Write ``files`` under ``root`` (a staging tree of ``out``); their
    ``(sha256, size, mtime_ns)`` as written."""
    written = {}
    try:
        for path, data in sorted(files.items()):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            info = target.stat()
            written[path] = (sha256(data), info.st_size, info.st_mtime_ns)
    except OSError as exc:
        raise OutputError(
            f"cannot write {out}: {exc.strerror or exc}; the previous tree is unchanged"
        ) from exc
    return written


class Staging:
    """A new tree under construction beside ``out``; ``commit`` swaps it in."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.root = out.parent / f".{out.name}.new-{os.getpid()}"
        try:
            self.root.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc

    def write(self, files: Mapping[str, bytes]) -> None:
        write_files(self.root, files, self.out)

    def link(self, source: Path, paths: Iterable[str]) -> None:
        """Take unchanged files from the old tree without copying them."""
        try:
            for path in paths:
                target = self.root / path
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(source / path, target)
        except OSError as exc:
            raise OutputError(f"cannot reuse files of {source}: {exc.strerror or exc}") from exc

    def commit(self, hashes: Mapping[str, str]) -> None:
        """Add the manifest of ``hashes`` and swap the tree in."""
        self.write({MANIFEST: manifest_text(hashes)})
        try:
            _swap(self.root, self.out)
        except OSError as exc:
            raise OutputError(
                f"cannot replace {self.out}: {exc.strerror or exc}; the previous tree is unchanged"
            ) from exc
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _recover(out: Path) -> None:
    """Undo what a run killed between its two renames left behind."""
    for leftover in sorted(out.parent.glob(f".{out.name}.old-*")):
        if not out.exists():
            leftover.rename(out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.parent.glob(f".{out.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is None:
        return False
    return bool(renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0)


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
