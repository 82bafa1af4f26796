"""The AWS CLI's three argparse passes over a command line (global options,
service, operation), for every command line ``_cli``'s quick pass declines."""

import argparse

from ._cli import ARGPARSE_TYPES, GLOBAL_OPTIONS, CliError, dest, required_overridden

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
    """Reports usage errors as ``CliError(code=2)`` instead of exiting."""

    def __init__(self, **kwargs: "Any") -> None:
        super().__init__(formatter_class=_formatter, add_help=False, **kwargs)

    def error(self, message: str) -> "NoReturn":
        raise CliError(f"usage: {self.usage}\n{self.prog}: error: {message}", 2)


def parse(operation: "Operation", argv: "list[str]") -> "tuple[dict[str, Any], bool]":
    """``(values, paginate)``: the operation parser's values by destination and
    the global ``--no-paginate`` switch; raises ``CliError`` as the AWS CLI fails."""
    globals_ns, rest = _parse_globals(operation, argv)
    if globals_ns.version:
        raise CliError(f"{operation.prog} (generated from the botocore model)", 0)
    parser = _operation_parser(operation, argv)
    ns, unknown = parser.parse_known_args(rest)
    # The AWS CLI's operation parser takes one positional word, meant for
    # ``help``; any other non-empty word joins the unknown options.
    if ns.help == "help":
        raise CliError(operation.help().rstrip("\n"), 0)
    if ns.help:
        unknown.append(ns.help)
    if unknown:
        raise CliError(f"usage: {parser.usage}\nUnknown options: {', '.join(unknown)}")
    return vars(ns), globals_ns.paginate


def _parse_globals(
    operation: "Operation", argv: "list[str]"
) -> "tuple[argparse.Namespace, list[str]]":
    parser = Parser(prog="aws", usage=f"{operation.prog} [options]")
    for option, kwargs in GLOBAL_OPTIONS:
        parser.add_argument(option, **kwargs)
    parser.add_argument("command")
    ns, rest = parser.parse_known_args([operation.service, operation.cli_name] + argv)
    service_parser = Parser(prog="aws", usage=parser.usage)
    service_parser.add_argument("operation")
    _, rest = service_parser.parse_known_args(rest)
    return ns, rest


def _operation_parser(operation: "Operation", argv: "list[str]") -> Parser:
    parser = Parser(prog=operation.prog, usage=f"{operation.prog} [options]")
    # An operation with streaming output has no document options to lift
    # the requirements.
    optional = required_overridden(argv) and not operation.outfile
    for option, member, shape, required in operation.arguments:
        kind = operation.shapes[shape][0]
        if kind == "boolean":
            parser.add_argument(option, action="store_true", dest=dest(member), default=None)
            parser.add_argument(
                "--no-" + option[2:], action="store_false", dest=dest(member), default=None
            )
            continue
        kwargs: dict[str, Any] = {"dest": dest(member), "required": required and not optional}
        if kind == "list":
            kwargs["nargs"] = "*"
        elif kind in ARGPARSE_TYPES:
            kwargs["type"] = ARGPARSE_TYPES[kind]
        parser.add_argument(option, **kwargs)
    if not operation.outfile:
        parser.add_argument("--cli-input-json", dest="cli_input_json")
        parser.add_argument(
            "--generate-cli-skeleton", nargs="?", const="input", choices=["input", "output"]
        )
    for option, key, convert in operation.paging_options():
        # type=None is argparse's default: no conversion.
        parser.add_argument(option, dest="paging_" + key, type=convert)  # type: ignore[arg-type]
    if operation.outfile:
        parser.add_argument("outfile")
    parser.add_argument("help", nargs="?")
    return parser
