"""The AWS CLI v1 as a test oracle, run in-process.

Each call gets a fresh driver: one driver reused across calls caches argument
tables and leaves required options optional after ``--cli-input-json``.
"""

import contextlib
import functools
import inspect
import io
import os
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from unittest import mock

if TYPE_CHECKING:
    from botocore.loaders import Loader

# No real credentials, config or network: the CLI must never reach AWS.
ORACLE_ENV = {
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_PAGER": "",
}


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _first_enum_value() -> Iterator[None]:
    """AWS CLI v1 fills enum placeholders with ``random.choice``; pin it to
    the model's first value, which is the documented choice of ours."""
    with mock.patch("botocore.utils.random.choice", lambda values: values[0]):
        yield


@contextlib.contextmanager
def _stub_responses_unvalidated() -> Iterator[None]:
    """Let the CLI print the stub response it builds even where that stub
    breaks the output shape's own constraints (the CLI's long-standing bug)."""
    with mock.patch("botocore.stub.Stubber._validate_operation_response", lambda *args: None):
        yield


@functools.cache
def _shared_loader(search_path: str | None) -> "Loader":
    """One botocore Loader per search path for all drivers: it only caches the
    JSON it reads, and reading the models again for each call is most of the
    cost of a fresh driver."""
    from botocore.loaders import create_loader

    return create_loader(search_path)


_ALIASED: dict[str, str] = {}
_ACCEPTS_KWARGS: "weakref.WeakKeyDictionary[Any, str | None]" = weakref.WeakKeyDictionary()


def _signature_owner(handler: Any) -> Any:
    """What decides whether ``handler`` takes ``**kwargs``: under partials and
    bound methods, a function's code (closures made for each driver share it)
    unless it carries its own ``__signature__``, or the class of a callable
    object."""
    while isinstance(handler, functools.partial):
        handler = handler.func
    handler = getattr(handler, "__func__", handler)
    if inspect.isfunction(handler) and not hasattr(handler, "__signature__"):
        return handler.__code__
    if inspect.isfunction(handler) or inspect.isbuiltin(handler):
        return handler
    return type(handler)


@contextlib.contextmanager
def cheap_drivers() -> Iterator[None]:
    """A fresh driver without most of its cost, and without a change in what it
    does. Each driver registers some 400 event handlers; for each, botocore
    works out the event's alias and inspects the handler's signature, and
    those answers never change: they are kept for the process here. Also one
    model loader for all drivers (``_shared_loader``)."""
    from botocore import hooks
    from botocore.utils import EVENT_ALIASES

    # A private method, which botocore-stubs leave out.
    alias_event_name: Callable[[Any, str], str] = hooks.EventAliaser._alias_event_name  # type: ignore[attr-defined]
    # The name of the handler's ``**kwargs`` or None (botocore-stubs say FullArgSpec).
    accepts_kwargs: Callable[[Any], str | None] = hooks.accepts_kwargs  # type: ignore[assignment]

    def alias(emitter: Any, event_name: str) -> str:
        if emitter._event_aliases is not EVENT_ALIASES:
            return alias_event_name(emitter, event_name)
        if event_name not in _ALIASED:
            _ALIASED[event_name] = alias_event_name(emitter, event_name)
        return _ALIASED[event_name]

    def accepts(handler: Any) -> str | None:
        function = _signature_owner(handler)
        try:
            return _ACCEPTS_KWARGS[function]
        except KeyError:
            answer = _ACCEPTS_KWARGS[function] = accepts_kwargs(handler)
            return answer
        except TypeError:  # neither hashable nor weakly referable
            return accepts_kwargs(handler)

    with (
        mock.patch("botocore.session.create_loader", _shared_loader),
        mock.patch.object(hooks.EventAliaser, "_alias_event_name", alias),
        mock.patch.object(hooks, "accepts_kwargs", accepts),
    ):
        yield


def _awscli_data_dir() -> str:
    import awscli

    return os.path.join(os.path.dirname(os.path.abspath(awscli.__file__)), "data")


def run_aws(argv: Sequence[str], validate_stub: bool = True, data_paths: Sequence[str] = ()) -> Result:
    """Run ``aws ARGV``; ``data_paths`` are extra model folders (AWS_DATA_PATH)."""
    from awscli.clidriver import create_clidriver

    # Set AWS_DATA_PATH whole: awscli adds its own data folder to it at import.
    env = {**ORACLE_ENV, "AWS_DATA_PATH": os.pathsep.join([*map(str, data_paths), _awscli_data_dir()])}

    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.dict(os.environ, env))
        stack.enter_context(cheap_drivers())
        stack.enter_context(_first_enum_value())
        if not validate_stub:
            stack.enter_context(_stub_responses_unvalidated())
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            code = create_clidriver().main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return Result(code, out.getvalue(), err.getvalue())


def command_kinds(service_command: str, data_paths: Sequence[str] = ()) -> dict[str, str]:
    """``{command: class name}`` of the CLI's subcommands of a service:
    ``ServiceOperation`` for model-driven ones, anything else is hand-written."""
    from awscli.clidriver import create_clidriver

    env = {**ORACLE_ENV, "AWS_DATA_PATH": os.pathsep.join([*map(str, data_paths), _awscli_data_dir()])}
    with mock.patch.dict(os.environ, env), cheap_drivers():
        service = create_clidriver()._get_command_table()[service_command]
        return {name: type(command).__name__ for name, command in service._get_command_table().items()}


def outfile_commands(service_command: str) -> set[str]:
    """The CLI's subcommands of a service that take an ``outfile`` argument."""
    from awscli.clidriver import create_clidriver

    with (
        mock.patch.dict(os.environ, ORACLE_ENV),
        cheap_drivers(),
    ):
        service = create_clidriver()._get_command_table()[service_command]
        return {
            name for name, command in service._get_command_table().items() if "outfile" in command.arg_table
        }


@dataclass(frozen=True)
class CliArgument:
    name: str
    #: The argument's class: CLIArgument, ListArgument and BooleanArgument come
    #: from the model; anything else was added by hand or by the CLI itself.
    kind: str
    #: The model member it sets, when it sets one.
    member: str | None


@dataclass(frozen=True)
class CliCommand:
    kind: str  # ServiceOperation for model-driven commands
    arguments: tuple[CliArgument, ...]


@dataclass(frozen=True)
class CliService:
    commands: dict[str, CliCommand]
    #: ``(event name, handler name)`` of every handler awscli registers while
    #: it builds its command and argument tables: its hand-written hooks.
    hooks: tuple[tuple[str, str], ...]
    #: The class of the service's own command: ``ServiceCommand`` when the model
    #: drives it, anything else (sdb's ``PreviewCommand``) is hand-written.
    kind: str = "ServiceCommand"


def _handler_name(handler: Any) -> str:
    """A handler's function name (a partial's function, or else its class)."""
    function = getattr(handler, "func", handler)
    return getattr(function, "__qualname__", None) or type(handler).__name__


def cli_service(service_command: str, data_paths: Sequence[str] = ()) -> CliService:
    """Every subcommand of a service with its argument table, and the hooks
    registered on the way (recorded, not inferred from a hand-kept list)."""
    from awscli.clidriver import ServiceOperation, create_clidriver
    from botocore.hooks import HierarchicalEmitter

    hooks: list[tuple[str, str]] = []
    real_register = HierarchicalEmitter._register_section  # type: ignore[attr-defined]  # private

    def register(self: Any, event_name: str, handler: Any, *args: Any, **kwargs: Any) -> Any:
        hooks.append((event_name, _handler_name(handler)))
        return real_register(self, event_name, handler, *args, **kwargs)

    env = {**ORACLE_ENV, "AWS_DATA_PATH": os.pathsep.join([*map(str, data_paths), _awscli_data_dir()])}
    commands: dict[str, CliCommand] = {}
    with (
        mock.patch.dict(os.environ, env),
        cheap_drivers(),
        mock.patch.object(HierarchicalEmitter, "_register_section", register),
    ):
        service = create_clidriver()._get_command_table()[service_command]
        table = service._get_command_table() if hasattr(service, "_get_command_table") else {}
        for name, command in table.items():
            arguments: tuple[CliArgument, ...] = ()
            if isinstance(command, ServiceOperation):
                arguments = tuple(
                    CliArgument(key, type(arg).__name__, getattr(arg, "_serialized_name", None))
                    for key, arg in command.arg_table.items()
                )
            commands[name] = CliCommand(type(command).__name__, arguments)
    return CliService(commands, tuple(hooks), type(service).__name__)


@contextlib.contextmanager
def without_hooks(skipped: Sequence[tuple[str, str]]) -> Iterator[None]:
    """Drivers created inside never register these ``(event, handler)`` hooks:
    the CLI as its model alone would make it, to tell a difference that its
    hand-written customisations cause from one that is ours."""
    from botocore.hooks import HierarchicalEmitter

    real_register = HierarchicalEmitter._register_section  # type: ignore[attr-defined]  # private
    skip = set(skipped)

    def register(self: Any, event_name: str, handler: Any, *args: Any, **kwargs: Any) -> Any:
        if (event_name, _handler_name(handler)) in skip:
            return None
        return real_register(self, event_name, handler, *args, **kwargs)

    with mock.patch.object(HierarchicalEmitter, "_register_section", register):
        yield


def operation_argument_names(service_command: str, operation: str) -> tuple[str, ...] | None:
    """The names in the CLI's argument table of ``aws SERVICE OPERATION`` (None
    when the CLI has no such command): one command's table only, which is
    quick where the whole service's (``cli_service``) is not."""
    from awscli.clidriver import create_clidriver

    with mock.patch.dict(os.environ, ORACLE_ENV), cheap_drivers():
        service = create_clidriver()._get_command_table().get(service_command)
        if service is None:
            return None
        table = service._get_command_table() if hasattr(service, "_get_command_table") else {}
        command = table.get(operation)
        arg_table = getattr(command, "arg_table", None)
        return None if arg_table is None else tuple(arg_table)


def event_names(prefixes: Sequence[str]) -> dict[str, str]:
    """Endpoint prefix -> the service part of the ``load-cli-arg`` event the CLI
    fires for a service with that prefix (botocore renames some), as a handler
    registered on the CLI's session receives it."""
    from awscli.clidriver import create_clidriver

    seen: list[str] = []

    def record(event_name: str, **kwargs: Any) -> None:
        seen.append(event_name)

    names: dict[str, str] = {}
    with mock.patch.dict(os.environ, ORACLE_ENV), cheap_drivers():
        session = create_clidriver().session
        session.register("load-cli-arg", record)
        for prefix in prefixes:
            seen.clear()
            session.emit(f"load-cli-arg.{prefix}.an-operation.an-option")
            # The event is load-cli-arg.<service>.an-operation.an-option.
            names[prefix] = seen[0].removeprefix("load-cli-arg.").removesuffix(".an-operation.an-option")
    return names
