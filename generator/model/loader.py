"""The only module that talks to botocore: finds and reads raw service models.

Models are read with botocore's own ``Loader``, so extra model folders work
exactly as botocore reads them (``--data-path`` and ``AWS_DATA_PATH``, before
the models botocore ships).
"""

import functools
import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botocore import exceptions as botocore_errors
from botocore.loaders import Loader

from generator.errors import InputError, close_matches


@dataclass(frozen=True)
class RawService:
    """A service model as plain JSON data, before the IR is built from it."""

    name: str
    api_version: str
    model: Mapping[str, Any]
    #: Operation name -> paginator configuration (empty when there is none).
    paginators: Mapping[str, Any]
    #: The ``waiters-2`` model: waiter name -> configuration (empty when there is none).
    waiters: Mapping[str, Any] = field(default_factory=dict)
    #: The ``examples-1`` model: operation name -> its examples (empty when there are none).
    examples: Mapping[str, Any] = field(default_factory=dict)


def search_paths(data_paths: Sequence[str | Path] = ()) -> list[str]:
    """``--data-path`` folders first, then ``AWS_DATA_PATH``, as botocore orders them."""
    paths = [str(Path(p).expanduser()) for p in data_paths]
    env = os.environ.get("AWS_DATA_PATH", "")
    paths += [str(Path(p).expanduser()) for p in env.split(os.pathsep) if p]
    return paths


def _loader(data_paths: Sequence[str | Path]) -> Loader:
    return _cached_loader(tuple(search_paths(data_paths)))


def forget_models() -> None:
    """Drop what the loaders read: the next read sees the model folders as they are now."""
    _cached_loader.cache_clear()


@functools.lru_cache(maxsize=8)
def _cached_loader(paths: tuple[str, ...]) -> Loader:
    # One loader per set of folders: it caches its listings and the models it read.
    return Loader(extra_search_paths=list(paths))


def available_services(data_paths: Sequence[str | Path] = ()) -> list[str]:
    return sorted(_loader(data_paths).list_available_services("service-2"))


def load_service(
    service: str, api_version: str | None = None, data_paths: Sequence[str | Path] = (), examples: bool = True
) -> RawService:
    """Read one service's model, paginators, waiters and (unless ``examples``
    is false) examples; unknown names are an InputError."""
    api_version = resolve_api_version(service, api_version, data_paths)
    loader = _loader(data_paths)
    try:
        model = loader.load_service_model(service, "service-2", api_version)
        paginators = _optional_model(loader, service, "paginators-1", api_version)
        waiter_model = _optional_model(loader, service, "waiters-2", api_version)
        example_model = _optional_model(loader, service, "examples-1", api_version) if examples else {}
    except (botocore_errors.BotoCoreError, ValueError, OSError) as exc:
        # A malformed JSON file surfaces as ValueError; name the service, not a traceback.
        reason = " ".join(str(exc).split())
        raise InputError(f"cannot read the model of service {service!r}: {reason}") from exc
    if not isinstance(model, Mapping):
        raise InputError(f"the model of service {service!r} is not a JSON object")
    pagination = paginators.get("pagination", {}) if isinstance(paginators, Mapping) else {}
    return RawService(
        name=service,
        api_version=api_version,
        model=model,
        paginators=pagination if isinstance(pagination, Mapping) else {},
        waiters=_waiters(service, waiter_model),
        examples=_examples(service, example_model),
    )


def _optional_model(loader: Loader, service: str, type_name: str, api_version: str) -> Any:
    """A model file a service may lack (paginators, waiters): ``{}`` when absent."""
    try:
        return loader.load_service_model(service, type_name, api_version)
    except botocore_errors.DataNotFoundError:
        return {}


# The only waiter model version botocore (and so the CLI) reads.
_WAITER_MODEL_VERSION = 2


def _waiters(service: str, waiter_model: Any) -> Mapping[str, Any]:
    if not waiter_model:
        return {}
    if not isinstance(waiter_model, Mapping) or not isinstance(waiter_model.get("waiters"), Mapping):
        raise InputError(f"the waiter model of service {service!r} has no 'waiters' object")
    if waiter_model.get("version") != _WAITER_MODEL_VERSION:
        # botocore refuses any other version, and the CLI with it.
        raise InputError(
            f"the waiter model of service {service!r} has version {waiter_model.get('version')!r}; "
            f"only version {_WAITER_MODEL_VERSION} is supported"
        )
    waiters: Mapping[str, Any] = waiter_model["waiters"]
    return waiters


def _examples(service: str, example_model: Any) -> Mapping[str, Any]:
    if not example_model:
        return {}
    examples = example_model.get("examples") if isinstance(example_model, Mapping) else None
    if not isinstance(examples, Mapping):
        raise InputError(f"the examples model of service {service!r} has no 'examples' object")
    return examples


def model_fingerprint(service: str, api_version: str, data_paths: Sequence[str | Path] = ()) -> str:
    """A hash of every model file botocore could read for this service version.

    Cheap (no JSON parsing): the incremental cache compares it to decide
    whether a service must be rendered again.
    """
    digest = hashlib.sha256()
    for root in _loader(data_paths).search_paths:
        folder = Path(root) / service / api_version
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file():
                digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def model_size(service: str, api_version: str, data_paths: Sequence[str | Path] = ()) -> int:
    """Bytes of the model files of a service version: how long it takes to
    render, roughly, for scheduling the biggest first."""
    total = 0
    for root in _loader(data_paths).search_paths:
        folder = Path(root) / service / api_version
        if folder.is_dir():
            total += sum(path.stat().st_size for path in folder.iterdir() if path.is_file())
    return total


def resolve_api_version(service: str, api_version: str | None, data_paths: Sequence[str | Path] = ()) -> str:
    """The version ``load_service`` would read (the latest when none is named)."""
    loader = _loader(data_paths)
    services = loader.list_available_services("service-2")
    if service not in services:
        raise InputError(f"unknown service {service!r}{close_matches(service, services)}")
    versions = loader.list_api_versions(service, "service-2")
    if api_version is None:
        return versions[-1]
    if api_version not in versions:
        raise InputError(
            f"service {service!r} has no API version {api_version!r}; it has {', '.join(versions)}"
        )
    return api_version
