"""The only module that talks to botocore: finds and reads raw service models.

Models are read with botocore's own ``Loader``, so extra model folders work
exactly as botocore reads them (``--data-path`` and ``AWS_DATA_PATH``, before
the models botocore ships).
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore import exceptions as botocore_errors
from botocore.loaders import Loader

from .errors import InputError, close_matches


@dataclass(frozen=True)
class RawService:
    """A service model as plain JSON data, before the IR is built from it."""

    name: str
    api_version: str
    model: Mapping[str, Any]
    #: Operation name -> paginator configuration (empty when there is none).
    paginators: Mapping[str, Any]


def search_paths(data_paths: Sequence[str | Path] = ()) -> list[str]:
    """``--data-path`` folders first, then ``AWS_DATA_PATH``, as botocore orders them."""
    paths = [str(Path(p).expanduser()) for p in data_paths]
    env = os.environ.get("AWS_DATA_PATH", "")
    paths += [str(Path(p).expanduser()) for p in env.split(os.pathsep) if p]
    return paths


def _loader(data_paths: Sequence[str | Path]) -> Loader:
    return Loader(extra_search_paths=search_paths(data_paths))


def available_services(data_paths: Sequence[str | Path] = ()) -> list[str]:
    return sorted(_loader(data_paths).list_available_services("service-2"))


def load_service(
    service: str, api_version: str | None = None, data_paths: Sequence[str | Path] = ()
) -> RawService:
    """Read one service's model and paginators; unknown names are an InputError."""
    loader = _loader(data_paths)
    try:
        services = loader.list_available_services("service-2")
    except OSError as exc:
        raise InputError(f"cannot list the service models: {exc}") from exc
    if service not in services:
        raise InputError(f"unknown service {service!r}{close_matches(service, services)}")
    try:
        versions = loader.list_api_versions(service, "service-2")
        if api_version is None:
            api_version = versions[-1]
        elif api_version not in versions:
            raise InputError(
                f"service {service!r} has no API version {api_version!r}; it has {', '.join(versions)}"
            )
        model = loader.load_service_model(service, "service-2", api_version)
        try:
            paginators = loader.load_service_model(service, "paginators-1", api_version)
        except botocore_errors.DataNotFoundError:
            paginators = {}
    except InputError:
        raise
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
    )
