"""The AWS CLI v1 as a test oracle, run in-process.

Each call gets a fresh driver: one driver reused across calls caches argument
tables and leaves required options optional after ``--cli-input-json``.
"""

import contextlib
import functools
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from unittest import mock

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
def _shared_loader(search_path: str | None):
    """One botocore Loader per search path for all drivers: it only caches the
    JSON it reads, and reading the models again for each call is most of the
    cost of a fresh driver."""
    from botocore.loaders import create_loader

    return create_loader(search_path)


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
        stack.enter_context(mock.patch("botocore.session.create_loader", _shared_loader))
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
    with mock.patch.dict(os.environ, env), mock.patch("botocore.session.create_loader", _shared_loader):
        service = create_clidriver()._get_command_table()[service_command]
        return {name: type(command).__name__ for name, command in service._get_command_table().items()}


def outfile_commands(service_command: str) -> set[str]:
    """The CLI's subcommands of a service that take an ``outfile`` argument."""
    from awscli.clidriver import create_clidriver

    with (
        mock.patch.dict(os.environ, ORACLE_ENV),
        mock.patch("botocore.session.create_loader", _shared_loader),
    ):
        service = create_clidriver()._get_command_table()[service_command]
        return {
            name for name, command in service._get_command_table().items() if "outfile" in command.arg_table
        }
