"""The AWS CLI's three argparse passes over a command line (global options,
service, operation), for every command line ``_cli``'s quick pass declines."""

import argparse

from ._cli import (
    ARGPARSE_TYPES,
    GLOBAL_OPTIONS,
    GLOBAL_OPTIONS_V2,
    CliError,
    UnknownOptions,
    UsageError,
    custom_dest,
    dest,
    negative_dest,
    required_overridden,
)

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from ._cli import Operation


def _formatter(prog: str) -> argparse.HelpFormatter:
    # A fixed width: argparse would import shutil to ask the terminal, which
    # costs more than the rest of a parse.
    return argparse.HelpFormatter(prog, width=100)


class Parser(argparse.ArgumentParser):
    """Reports usage errors as ``UsageError`` instead of exiting."""

    def __init__(self, cli_version: int = 1, **kwargs: "Any") -> None:
        super().__init__(formatter_class=_formatter, add_help=False, **kwargs)
        self.cli_version = cli_version

    def _check_value(self, action: "argparse.Action", value: "Any") -> None:
        # v2's own wording for a value outside the choices.
        if self.cli_version == 2 and action.choices is not None and value not in action.choices:
            raise argparse.ArgumentError(action, f"Found invalid choice '{value}'\n")
        super()._check_value(action, value)

    def error(self, message: str) -> "NoReturn":
        raise UsageError(str(self.usage), self.prog, message)


def parse(operation: "Operation", argv: "list[str]") -> "tuple[dict[str, Any], bool]":
    """``(values, paginate)``: the operation parser's values by destination and
    the global ``--no-paginate`` switch; raises ``CliError`` as the AWS CLI fails."""
    globals_ns, rest = _parse_globals(operation, argv)
    if globals_ns.version:
        raise CliError(f"{operation.prog} (generated from the botocore model)", 0)
    if operation.cli_version == 2:
        _check_v2_globals(globals_ns)
    parser = _operation_parser(operation, argv)
    ns, unknown = parser.parse_known_args(rest)
    # The AWS CLI's operation parser takes one positional word, meant for
    # ``help``; any other non-empty word joins the unknown options.
    if ns.help == "help":
        raise CliError(operation.help().rstrip("\n"), 0)
    if ns.help:
        unknown.append(ns.help)
    if unknown:
        raise UnknownOptions(str(parser.usage), unknown)
    values = vars(ns)
    values["global:endpoint_url"] = globals_ns.endpoint_url
    values["global:cli_binary_format"] = getattr(globals_ns, "cli_binary_format", None)
    return values, globals_ns.paginate


class NoPrompt(CliError):
    """``--cli-auto-prompt``: v2 would ask for the command line interactively; a parser
    does not. One line, exit 252 (v2's code for a command line it does not take)."""

    def __init__(self) -> None:
        super().__init__(
            "--cli-auto-prompt: this parser does not prompt; give the whole command line"
        )

    def report(self, cli_version: int) -> "tuple[int, str]":
        return 252, f"aws: [ERROR]: {self.message}\n"


def _check_v2_globals(ns: "argparse.Namespace") -> None:
    """v2's checks of its own global options once they are parsed."""
    if ns.cli_auto_prompt and not ns.no_cli_auto_prompt:
        raise NoPrompt()
    for timeout in (ns.read_timeout, ns.connect_timeout):
        if timeout is not None:
            try:
                int(timeout)
            except ValueError as exc:
                raise CliError(str(exc)) from None


def _parse_globals(
    operation: "Operation", argv: "list[str]"
) -> "tuple[argparse.Namespace, list[str]]":
    parser = Parser(operation.cli_version, prog="aws", usage=f"{operation.prog} [options]")
    for option, kwargs in GLOBAL_OPTIONS_V2 if operation.cli_version == 2 else GLOBAL_OPTIONS:
        parser.add_argument(option, **kwargs)
    parser.add_argument("command")
    ns, rest = parser.parse_known_args([operation.service, operation.cli_name] + argv)
    service_parser = Parser(operation.cli_version, prog="aws", usage=parser.usage)
    service_parser.add_argument("operation")
    _, rest = service_parser.parse_known_args(rest)
    return ns, rest


def _operation_parser(operation: "Operation", argv: "list[str]") -> Parser:
    parser = Parser(operation.cli_version, prog=operation.prog, usage=f"{operation.prog} [options]")
    # An operation with streaming output has no document options to lift
    # the requirements.
    optional = required_overridden(argv, operation.cli_version) and not operation.outfile
    for option, member, shape, required in operation.arguments:
        kind = operation.shapes[shape][0]
        if kind == "boolean":
            parser.add_argument(option, action="store_true", dest=dest(member), default=None)
            parser.add_argument(
                operation.negative(option, member),
                action="store_false",
                dest=dest(member),
                default=None,
            )
            continue
        if member in operation.value_flags:
            # --x alone is true; --x VALUE is the structure; --no-x is false.
            parser.add_argument(option, nargs="?", const=True, dest=dest(member))
            parser.add_argument(
                "--no-" + option[2:], action="store_const", const=False, dest=negative_dest(member)
            )
            continue
        kwargs: dict[str, Any] = {"dest": dest(member), "required": required and not optional}
        if kind == "list":
            kwargs["nargs"] = "*"
        elif kind in ARGPARSE_TYPES:
            kwargs["type"] = ARGPARSE_TYPES[kind]
        parser.add_argument(option, **kwargs)
        if member in operation.aliases:
            parser.add_argument(operation.aliases[member], **kwargs)
    for option, _, _, _, takes, needed in operation.customs:
        if takes == "switch":
            parser.add_argument(option, action="store_true", dest=custom_dest(option), default=None)
        elif takes == "flag":
            parser.add_argument(option, action="store_true", dest=custom_dest(option), default=None)
            parser.add_argument(
                "--no-" + option[2:], action="store_false", dest=custom_dest(option), default=None
            )
        else:
            kwargs = {"nargs": "+"} if takes == "many" else {"type": int} if takes == "int" else {}
            kwargs["required"] = needed and not optional
            parser.add_argument(option, dest=custom_dest(option), **kwargs)
    if not operation.outfile:
        parser.add_argument("--cli-input-json", dest="cli_input_json")
        skeletons = ["input", "output"]
        if operation.cli_version == 2:
            parser.add_argument("--cli-input-yaml", dest="cli_input_yaml")
            skeletons.append("yaml-input")
        parser.add_argument("--generate-cli-skeleton", nargs="?", const="input", choices=skeletons)
    for option, key, convert in operation.paging_options():
        # type=None is argparse's default: no conversion.
        parser.add_argument(option, dest="paging_" + key, type=convert)  # type: ignore[arg-type]
    if operation.outfile:
        parser.add_argument("outfile")
    parser.add_argument("help", nargs="?")
    return parser
