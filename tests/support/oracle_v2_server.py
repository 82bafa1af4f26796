"""The AWS CLI v2 oracle's side of ``oracle_v2``: run by the v2 venv's Python
(``PYTHONPATH=VENV/cli``, ``AWS_DATA_PATH=VENV/models``), never imported by
the project's tests, which cannot import v2's ``awscli`` next to v1's.

It reads one JSON request per line on stdin and writes one JSON answer per
line to the file descriptor given as its only argument (stdout stays free for
what the CLI prints). Each request gets a fresh driver, as a run of ``aws2``
would. Requests:

- ``{"op": "run", "argv": [...], "validate_stub": true}``: exit code, stdout and
  stderr of ``aws ARGV`` (``validate_stub`` false: ``--generate-cli-skeleton
  output`` prints its stub response even where it breaks the shape's constraints);
- ``{"op": "capture", "argv": [...], "cwd": ..., "home": ...}`` (the last two optional: the
  folder to run in and ``HOME``): the same, and the parameters the CLI
  hands to its operation caller (``null`` when it never gets there); nothing
  is sent, botocore's request is stubbed below its validation;
- ``{"op": "page", "path": [...]}``: the html-target RST of ``aws PATH help``;
- ``{"op": "commands", "service": ...}``: the service's command table by class
  name, documented commands, and the ``wait`` command's waiters;
- ``{"op": "hooks", "service": ...}``: ``[event, handler]`` of every handler registered while
  the CLI builds the service's command table and its commands' argument tables (its
  hand-written hooks among them);
- ``arguments``, ``own_options`` (a command's argument table, the documentation of the
  options the CLI adds), ``global_synopsis``.

- ``{"op": "legacy_lists", "path": [service, command]}``: the command's arguments the CLI reads
  and documents in its hand-written legacy syntax for a list of one-member structures
  (``--instances InstanceId1 InstanceId2``) instead of shorthand.

Any request may carry ``"data_paths": [...]``: model folders searched before the others,
``"without_hooks": [[event, handler], ...]``: handlers its driver does not register, and
``"legacy_lists": false``: no argument in that legacy syntax (the CLI as its model alone
would make it).
"""

import base64
import contextlib
import datetime
import functools
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any
from unittest import mock

ENV = {
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_PAGER": "",
    # No telemetry, no auto-prompt from the environment.
    "AWS_CLI_AUTO_PROMPT": "off",
}


class _Response:
    """The stubbed HTTP response: a success with no body (``raw`` None tells the handlers that
    read the body themselves, s3 get-bucket-location's, that there is none)."""

    status_code = 200
    raw = None


def _plain(value: Any) -> Any:
    """Captured parameters as JSON: blobs as ``{"$bytes": base64}``, open files
    as ``{"$file": name}``, timestamps as ``{"$datetime": iso}``."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if hasattr(value, "read") and isinstance(getattr(value, "name", None), str):
        value.close()
        return {"$file": value.name}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return {"$repr": repr(value)}


@contextlib.contextmanager
def _captured_streams() -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", newline="\n", write_through=True)
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        yield out, err
        stdout.flush()
        stderr.flush()


def _run(
    argv: Sequence[str], calls: list[Any] | None = None, validate_stub: bool = True
) -> tuple[int, str, str]:
    from awscli.clidriver import create_clidriver

    with contextlib.ExitStack() as stack:
        if not validate_stub:
            # Print the stub response even where it breaks the output shape's own
            # constraints (as the v1 oracle does: the CLI's long-standing bug).
            stack.enter_context(mock.patch("botocore.stub.Stubber._validate_response", lambda *args: None))
        if calls is not None:
            from awscli.clidriver import CLIOperationCaller

            real_invoke = CLIOperationCaller.invoke

            def invoke(
                self: Any, service_name: str, operation_name: str, parameters: Any, parsed_globals: Any
            ) -> Any:
                calls.append(_copy(parameters))
                return real_invoke(self, service_name, operation_name, parameters, parsed_globals)

            stack.enter_context(mock.patch.object(CLIOperationCaller, "invoke", invoke))
            stack.enter_context(
                mock.patch(
                    "botocore.client.BaseClient._make_request",
                    lambda *args, **kwargs: (_Response(), {}),
                )
            )
        out, err = stack.enter_context(_captured_streams())
        try:
            code = create_clidriver(list(argv)).main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8", "replace")


def _copy(value: Any) -> Any:
    """The parameters as handed over: the caller may change them afterwards."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _command(driver: Any, path: Sequence[str]) -> Any:
    command = driver._get_command_table()[path[0]]
    for name in path[1:]:
        table = command._get_command_table() if hasattr(command, "_get_command_table") else None
        command = (table if table is not None else command.subcommand_table)[name]
    return command


def _page(path: Sequence[str]) -> str:
    from awscli.bcdoc import docevents
    from awscli.clidriver import create_clidriver

    driver = create_clidriver()
    help_command = _command(driver, tuple(path)).create_help_command()
    help_command.doc.target = "html"
    handler = help_command.EventHandlerClass(help_command)
    try:
        docevents.generate_events(driver.session, help_command)
    finally:
        handler.unregister()
    return str(help_command.doc.getvalue().decode("utf-8"))


def _global_synopsis() -> str:
    from awscli.clidocs import GLOBAL_OPTIONS_SYNOPSIS_FILE

    with open(GLOBAL_OPTIONS_SYNOPSIS_FILE, encoding="utf-8") as synopsis:
        return synopsis.read()


def _own_options(path: Sequence[str]) -> dict[str, str]:
    """The documentation of the options the CLI adds to a command, by name."""
    from awscli.clidriver import create_clidriver

    command = _command(create_clidriver(), tuple(path))
    return {
        name: argument.documentation
        for name, argument in command.arg_table.items()
        if getattr(argument, "_serialized_name", None) is None
        and isinstance(getattr(argument, "documentation", None), str)
    }


def _arguments(path: Sequence[str]) -> list[list[Any]]:
    """``[name, class name, member or None, documentation]`` of each argument of ``aws PATH``."""
    from awscli.clidriver import create_clidriver

    command = _command(create_clidriver(), tuple(path))
    rows = []
    for name, argument in command.arg_table.items():
        documentation = getattr(argument, "documentation", "")
        rows.append(
            [
                name,
                type(argument).__name__,
                getattr(argument, "_serialized_name", None),
                documentation if isinstance(documentation, str) else "",
            ]
        )
    return rows


def _handler_name(handler: Any) -> str:
    """A handler's function name (a partial's function, or else its class)."""
    function = getattr(handler, "func", handler)
    return getattr(function, "__qualname__", None) or type(handler).__name__


@contextlib.contextmanager
def _registering(keep: Any) -> Iterator[None]:
    """Handlers are registered only where ``keep(event, handler name)`` is true."""
    from botocore.hooks import HierarchicalEmitter

    real_register = HierarchicalEmitter._register_section  # type: ignore[attr-defined]  # private

    def register(self: Any, event_name: str, handler: Any, *args: Any, **kwargs: Any) -> Any:
        if not keep(event_name, _handler_name(handler)):
            return None
        return real_register(self, event_name, handler, *args, **kwargs)

    with mock.patch.object(HierarchicalEmitter, "_register_section", register):
        yield


def _hooks(service: str) -> list[list[str]]:
    """Every ``[event, handler]`` registered while the service's tables are built, and every one
    the CLI's plugin registry would register when its event fires (v2 registers its handlers
    lazily, on the first event that needs them: a page's ``doc-*`` hooks only while it renders)."""
    from awscli.clidriver import ServiceOperation, create_clidriver

    hooks: list[list[str]] = []

    def record(event_name: str, handler: str) -> bool:
        hooks.append([event_name, handler])
        return True

    with _registering(record), contextlib.suppress(Exception):  # a hook that fails: those before it
        command = _command(create_clidriver(), (service,))
        table = command._get_command_table() if hasattr(command, "_get_command_table") else {}
        for subcommand in table.values():
            if isinstance(subcommand, ServiceOperation):
                subcommand.arg_table  # noqa: B018  (built on first use: its hooks register then)
    return hooks + [hook for hook in _registry_hooks() if hook not in hooks]


@functools.cache
def _registry_hooks() -> tuple[list[str], ...]:
    """What every initializer of the CLI's plugin registry registers, run on an emitter that
    initializes them all at once (the CLI's own path for an emitter that is not lazy)."""
    from awscli.plugin import load_plugins
    from botocore.hooks import HierarchicalEmitter

    hooks: list[list[str]] = []

    def record(event_name: str, handler: str) -> bool:
        hooks.append([event_name, handler])
        return True

    with _registering(record):
        load_plugins({}, event_hooks=HierarchicalEmitter())
    return tuple(hooks)


def _legacy_lists(path: Sequence[str]) -> list[str]:
    """The arguments of ``aws PATH`` the CLI's shorthand code reads in its legacy list syntax."""
    from awscli.argprocess import ParamShorthand
    from awscli.clidriver import create_clidriver

    service, operation = path
    command = _command(create_clidriver(), (service, operation))
    shorthand = ParamShorthand()
    return [name for name in command.arg_table if shorthand._uses_old_list_case(service, operation, name)]


def _commands(service: str) -> dict[str, Any]:
    from awscli.clidriver import create_clidriver
    from awscli.customizations.waiters import WaitCommand

    table = _command(create_clidriver(), (service,))._get_command_table()
    wait = table.get("wait")
    has_wait = isinstance(wait, WaitCommand)
    return {
        "kinds": {name: type(command).__name__ for name, command in table.items()},
        "documented": sorted(
            name for name, command in table.items() if not hasattr(command, "_UNDOCUMENTED")
        ),
        "waiters": sorted(wait.subcommand_table) if has_wait else [],
        "has_wait": has_wait,
    }


@contextlib.contextmanager
def _folder(cwd: str | None, home: str | None) -> Iterator[None]:
    """Run in ``cwd`` with ``HOME`` at ``home`` (each when given), as a command typed there."""
    before = os.getcwd()
    with contextlib.ExitStack() as stack:
        if home is not None:
            stack.enter_context(mock.patch.dict(os.environ, {"HOME": home}))
        if cwd is not None:
            os.chdir(cwd)
            stack.callback(os.chdir, before)
        yield


@contextlib.contextmanager
def _data_paths(paths: Sequence[str]) -> Iterator[None]:
    """Extra model folders before the CLI's own (``AWS_DATA_PATH`` as awscli set it at import)."""
    if not paths:
        yield
        return
    with mock.patch.dict(os.environ, {"AWS_DATA_PATH": os.pathsep.join([*paths, _BASE_DATA_PATH])}):
        yield


def handle(request: dict[str, Any]) -> Any:
    skipped = {(event, handler) for event, handler in request.get("without_hooks", ())}
    with contextlib.ExitStack() as stack:
        stack.enter_context(_data_paths(request.get("data_paths", ())))
        if skipped:
            stack.enter_context(_registering(lambda event, handler: (event, handler) not in skipped))
        if request.get("legacy_lists", True) is False:
            stack.enter_context(
                mock.patch("awscli.argprocess.ParamShorthand._uses_old_list_case", lambda *args: False)
            )
        return _handle(request)


def _handle(request: dict[str, Any]) -> Any:
    op = request["op"]
    if op == "run":
        code, out, err = _run(request["argv"], validate_stub=request.get("validate_stub", True))
        return {"exit_code": code, "stdout": out, "stderr": err}
    if op == "capture":
        calls: list[Any] = []
        with _folder(request.get("cwd"), request.get("home")):
            code, out, err = _run(request["argv"], calls, request.get("validate_stub", True))
        params = _plain(calls[0]) if calls else None
        return {"exit_code": code, "stdout": out, "stderr": err, "params": params}
    if op == "page":
        return {"page": _page(request["path"])}
    if op == "commands":
        return _commands(request["service"])
    if op == "legacy_lists":
        return {"arguments": _legacy_lists(request["path"])}
    if op == "hooks":
        return {"hooks": _hooks(request["service"])}
    if op == "arguments":
        return {"arguments": _arguments(request["path"])}
    if op == "global_synopsis":
        return {"text": _global_synopsis()}
    if op == "own_options":
        return {"options": _own_options(request["path"])}
    raise ValueError(f"unknown request {op!r}")


_BASE_DATA_PATH = ""


def _share_the_loader() -> None:
    """One model loader for the CLI's own model folders across requests, as one run of the
    CLI keeps one for all it loads (each model is read and parsed once, not once per request:
    a quarter of a request's time on ec2). A request with extra folders (``data_paths``,
    which a test may have just written) gets a loader of its own, as before."""
    import botocore.session

    fresh = botocore.session.create_loader
    shared = functools.lru_cache(maxsize=1)(fresh)

    def create_loader(search_path_string: str | None = None) -> Any:
        return shared(search_path_string) if search_path_string == _BASE_DATA_PATH else fresh(search_path_string)

    botocore.session.create_loader = create_loader


def main() -> None:
    global _BASE_DATA_PATH
    answers = os.fdopen(int(sys.argv[1]), "w", encoding="utf-8")
    os.environ.update(ENV)
    os.environ.pop("AWS_PROFILE", None)
    import awscli  # noqa: F401  (adds its own data folder to AWS_DATA_PATH)

    _BASE_DATA_PATH = os.environ["AWS_DATA_PATH"]
    _share_the_loader()
    for line in sys.stdin:
        try:
            answer = {"ok": handle(json.loads(line))}
        except Exception as exc:  # reported to the test, which fails with it
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
