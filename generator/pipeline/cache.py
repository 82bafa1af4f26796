"""The incremental cache: services whose inputs did not change are not rendered again.

A service's key hashes its model files, the generator's own source and
templates, and the pinned library versions. The cache lives outside the output
tree (``$XDG_CACHE_HOME/aws-cli-artifacts``, one file per output directory), so
it never reaches a commit; the output tree's manifest and the files' size and
modification time must still match what the cache recorded.
"""

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from generator.model.ir import ServiceEntry

#: The generator's whole source tree: its code, templates and runtime modules.
_SOURCES = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CachedService:
    key: str
    entry: ServiceEntry
    #: path -> (sha256, size, mtime_ns) of each file as written.
    files: Mapping[str, tuple[str, int, int]]


def generator_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(_SOURCES.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_SOURCES).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for package in ("botocore", "black", "jinja2"):
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    return digest.hexdigest()


def _cache_file(out: Path) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "aws-cli-artifacts"
    return base / (hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32] + ".json")


def load(out: Path) -> dict[str, CachedService]:
    try:
        data = json.loads(_cache_file(out).read_text(encoding="utf-8"))
        return {
            name: CachedService(
                key=item["key"],
                entry=ServiceEntry(**{**item["entry"], "operations": tuple(item["entry"]["operations"])}),
                files={path: tuple(stat) for path, stat in item["files"].items()},
            )
            for name, item in data.items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no cache, or one we cannot read: render everything


def save(out: Path, services: Mapping[str, CachedService]) -> None:
    path = _cache_file(out)
    data = {name: {**asdict(item), "files": dict(item.files)} for name, item in sorted(services.items())}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # the cache only saves time; a run without it is still correct


def still_valid(cached: CachedService, key: str, manifest: Mapping[str, str], out: Path) -> bool:
    """The cached files are in the output tree exactly as they were written."""
    if cached.key != key:
        return False
    root = os.fspath(out)
    for path, (digest, size, mtime_ns) in cached.files.items():
        if manifest.get(path) != digest:
            return False
        try:
            stat = os.stat(f"{root}/{path}")
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns):
            return False
    return True
