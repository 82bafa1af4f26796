"""The AWS CLI v1 as a parsing oracle: the request parameters it hands to its
operation caller, and the exit code and stderr of the whole run.

The network is stubbed below botocore's parameter validation, so an argv the
CLI rejects for a validation error still fails here exactly as it would, and
an argv it accepts exits 0 without leaving the process.
"""

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from unittest import mock

from .oracle import run_aws


@dataclass(frozen=True)
class Capture:
    exit_code: int
    #: What the CLI handed to ``CLIOperationCaller.invoke`` (None if it never got there).
    params: dict[str, Any] | None
    stdout: str
    stderr: str


class _Response:
    """The stubbed HTTP response: a success with no body (``raw`` None tells the
    handlers that read the body themselves, s3 get-bucket-location's, that there is none)."""

    status_code = 200
    raw = None


_CLIENTS: dict[tuple[Any, ...], Any] = {}


@contextlib.contextmanager
def _shared_clients() -> Iterator[None]:
    """One client per service and region for all runs: creating one is most of
    the cost of a run, and every driver configures it identically."""
    from botocore.session import Session

    real_create = Session.create_client

    def create_client(
        self: Any, service_name: str, region_name: str | None = None, *args: Any, **kwargs: Any
    ) -> Any:
        key = (service_name, region_name, args, tuple(sorted((k, repr(v)) for k, v in kwargs.items())))
        if key not in _CLIENTS:
            _CLIENTS[key] = real_create(self, service_name, region_name, *args, **kwargs)
        return _CLIENTS[key]

    with mock.patch.object(Session, "create_client", create_client):
        yield


@contextlib.contextmanager
def _capturing(calls: list[dict[str, Any]]) -> Iterator[None]:
    from awscli.clidriver import CLIOperationCaller

    real_invoke = CLIOperationCaller.invoke

    def invoke(
        self: Any, service_name: str, operation_name: str, parameters: dict[str, Any], parsed_globals: Any
    ) -> Any:
        calls.append(_copy(parameters))
        return real_invoke(self, service_name, operation_name, parameters, parsed_globals)

    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(CLIOperationCaller, "invoke", invoke))
        # Everything up to and including validation runs; nothing is sent.
        stack.enter_context(
            mock.patch("botocore.client.BaseClient._make_request", lambda *args, **kwargs: (_Response(), {}))
        )
        yield


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


@dataclass(frozen=True)
class OpenFile:
    """An open file in parameters (a streamed blob), compared by its path."""

    name: str


def files_as_names(value: Any) -> Any:
    """``value`` with each open file closed and replaced by ``OpenFile``."""
    if isinstance(value, dict):
        return {key: files_as_names(item) for key, item in value.items()}
    if isinstance(value, list):
        return [files_as_names(item) for item in value]
    if hasattr(value, "read") and isinstance(getattr(value, "name", None), str):
        value.close()
        return OpenFile(value.name)
    return value


def capture_aws(argv: Sequence[str], validate_stub: bool = True) -> Capture:
    calls: list[dict[str, Any]] = []
    with contextlib.ExitStack() as stack:
        stack.enter_context(_capturing(calls))
        if "--generate-cli-skeleton" not in argv:  # its stubbed client must stay private
            stack.enter_context(_shared_clients())
        result = run_aws(argv, validate_stub=validate_stub)
    params = files_as_names(calls[0]) if calls else None
    return Capture(result.exit_code, params, result.stdout, result.stderr)
