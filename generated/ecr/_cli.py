"""Turns an operation's command line into request parameters as AWS CLI v1 does.

Each operation module holds its model data (shapes, arguments, pagination,
skeletons) and hands it to ``Operation``; this module is the shared logic.
Parsing runs in AWS CLI order: global options, operation options (argparse),
the pagination check, each option's value (``file://``, shorthand or JSON,
type conversion), ``--cli-input-json``, ``--generate-cli-skeleton``, and
botocore's parameter validation.
"""

import argparse
import json
import sys

from ._paramfile import ParamFileError, load_paramfile

# (option, argparse keyword arguments) of the AWS CLI's global options,
# accepted wherever they appear and otherwise ignored (see the README).
_GLOBAL_OPTIONS = (
    ("--debug", {"action": "store_true"}),
    ("--endpoint-url", {}),
    ("--no-verify-ssl", {"action": "store_false", "dest": "verify_ssl"}),
    ("--no-paginate", {"action": "store_false", "dest": "paginate"}),
    ("--output", {"choices": ["json", "text", "table"]}),
    ("--query", {}),
    ("--profile", {}),
    ("--region", {}),
    ("--version", {"action": "store_true"}),
    ("--color", {"choices": ["on", "off", "auto"], "default": "auto"}),
    ("--no-sign-request", {"action": "store_false", "dest": "sign_request"}),
    ("--ca-bundle", {"dest": "ca_bundle"}),
    ("--cli-read-timeout", {"dest": "read_timeout", "type": int}),
    ("--cli-connect-timeout", {"dest": "connect_timeout", "type": int}),
    ("--v2-debug", {"action": "store_true", "dest": "v2_debug"}),
)
_PAGING_OPTIONS = (
    ("--starting-token", "StartingToken", None),
    ("--page-size", "PageSize", int),
    ("--max-items", "MaxItems", int),
)
_SCALARS = frozenset(
    {
        "string",
        "integer",
        "long",
        "float",
        "double",
        "boolean",
        "blob",
        "timestamp",
        "bigdecimal",
        "biginteger",
    }
)
# The AWS CLI hands these types to argparse as ``type=``; other scalars are
# converted after ``file://`` values are read.
_ARGPARSE_TYPES = {"long": int, "float": float, "double": float}
_ALL_PREFIXES = {"file://": ("r", None), "fileb://": ("rb", None)}


class CliError(Exception):
    """A rejected command line: ``message`` goes to stderr, ``code`` is the exit status."""

    def __init__(self, message: str, code: int = 255) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ParamError(CliError):
    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"Error parsing parameter '{option}': {message}")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as ``CliError(code=2)`` instead of exiting."""

    def error(self, message: str):
        raise CliError(f"usage: {self.usage}\n{self.prog}: error: {message}", 2)


class Operation:
    """One operation's command line: see the module docstring for the steps."""

    def __init__(
        self,
        *,
        service: str,
        cli_name: str,
        input_shape,
        shapes,
        arguments,
        paginator,
        input_skeleton: str,
        output_skeleton: str,
        summary: str,
    ) -> None:
        self.service = service
        self.cli_name = cli_name
        self.input_shape = input_shape
        self.shapes = shapes
        #: (option, member, shape, required) in model order.
        self.arguments = arguments
        #: (input token members, limit key member) or None.
        self.paginator = paginator
        self.input_skeleton = input_skeleton
        self.output_skeleton = output_skeleton
        self.summary = summary
        self.prog = f"python -m {__package__} {cli_name}"

    # -- the command line ------------------------------------------------

    def build(self, argv) -> tuple:
        """``(params, paginate, skeleton)`` before validation; raises ``CliError``."""
        argv = list(argv)
        globals_ns, rest = self._parse_globals(argv)
        if globals_ns.version:
            raise CliError(f"{self.prog} (generated from the botocore model)", 0)
        parser = self._operation_parser(argv)
        ns, unknown = parser.parse_known_args(rest)
        # The AWS CLI's operation parser takes one positional word, meant for
        # ``help``; any other non-empty word joins the unknown options.
        if ns.help == "help":
            raise CliError(self.help().rstrip("\n"), 0)
        if ns.help:
            unknown.append(ns.help)
        if unknown:
            raise CliError(f"usage: {parser.usage}\nUnknown options: {', '.join(unknown)}")
        paginate = self._paginate(ns, globals_ns.paginate)
        params: dict = {}
        for option, member, shape, _ in self.arguments:
            value = getattr(ns, member)
            if value is not None:
                params[member] = self._unpack(option, shape, value)
        max_items = getattr(ns, "paging_MaxItems", None)
        if max_items is not None and max_items <= 0:
            sys.stderr.write(
                "warning: Non-positive values for --max-items may result in undefined behavior.\n"
            )
        paging = {key: value for key, value in self._paging_values(ns) if value is not None}
        if paging:
            params["PaginationConfig"] = paging
        if ns.cli_input_json is not None:
            self._merge_input_json(params, ns.cli_input_json)
        return params, paginate, ns.generate_cli_skeleton

    def _parse_globals(self, argv: list) -> tuple:
        parser = _Parser(prog="aws", add_help=False, usage=f"{self.prog} [options]")
        for option, kwargs in _GLOBAL_OPTIONS:
            parser.add_argument(option, **kwargs)
        parser.add_argument("command")
        ns, rest = parser.parse_known_args([self.service, self.cli_name] + argv)
        service_parser = _Parser(prog="aws", add_help=False, usage=parser.usage)
        service_parser.add_argument("operation")
        _, rest = service_parser.parse_known_args(rest)
        return ns, rest

    def _operation_parser(self, argv: list) -> _Parser:
        parser = _Parser(prog=self.prog, add_help=False, usage=f"{self.prog} [options]")
        optional = _required_overridden(argv)
        for option, member, shape, required in self.arguments:
            kind = self.shapes[shape][0]
            if kind == "boolean":
                parser.add_argument(option, action="store_true", dest=member, default=None)
                parser.add_argument(
                    "--no-" + option[2:], action="store_false", dest=member, default=None
                )
                continue
            kwargs: dict = {"dest": member, "required": required and not optional}
            if kind == "list":
                kwargs["nargs"] = "*"
            elif kind in _ARGPARSE_TYPES:
                kwargs["type"] = _ARGPARSE_TYPES[kind]
            parser.add_argument(option, **kwargs)
        parser.add_argument("--cli-input-json", dest="cli_input_json")
        parser.add_argument(
            "--generate-cli-skeleton", nargs="?", const="input", choices=["input", "output"]
        )
        for option, key, kind in self._paging_options():
            parser.add_argument(option, dest="paging_" + key, type=kind)
        parser.add_argument("help", nargs="?")
        return parser

    def _paging_options(self) -> tuple:
        """``--starting-token``, ``--page-size`` (where there is a limit key), ``--max-items``."""
        if self.paginator is None:
            return ()
        limit_key = self.paginator[1]
        return tuple(option for option in _PAGING_OPTIONS if limit_key or option[1] != "PageSize")

    def _paging_values(self, ns) -> list:
        return [(key, getattr(ns, "paging_" + key)) for _, key, _ in self._paging_options()]

    def _paginate(self, ns, paginate: bool) -> bool:
        if self.paginator is None:
            return False
        input_tokens, limit_key = self.paginator
        # Setting a paging member yourself turns the CLI's pagination off.
        if any(
            getattr(ns, member, None) is not None
            for member in input_tokens + (limit_key,)
            if member
        ):
            paginate = False
        given = [
            option
            for option, key, _ in self._paging_options()
            if getattr(ns, "paging_" + key) is not None
        ]
        if given and not paginate:
            raise CliError(
                "Error during pagination: Cannot specify --no-paginate along with pagination arguments: "
                + ", ".join(given)
            )
        return paginate

    # -- one option's value ------------------------------------------------

    def _unpack(self, option: str, shape: str, value):
        try:
            single = value[0] if isinstance(value, list) and len(value) == 1 else value
            loaded = load_paramfile(single, _ALL_PREFIXES, remote=True)
        except ParamFileError as exc:
            raise ParamError(option, str(exc)) from None
        if loaded is not None:
            value = loaded
        if self._is_complex(shape):
            from ._convert import unpack_complex

            return unpack_complex(self.shapes, option, shape, value)
        from ._convert import unpack_plain

        return unpack_plain(self.shapes, option, shape, value)

    def _is_complex(self, shape: str) -> bool:
        kind, _, detail, _, _ = self.shapes[shape]
        if kind in ("structure", "map"):
            return True
        return kind == "list" and self.shapes[detail][0] not in _SCALARS

    def _merge_input_json(self, params: dict, text: str) -> None:
        try:
            loaded = load_paramfile(text, _ALL_PREFIXES, remote=True)
        except ParamFileError as exc:
            raise ParamError("--cli-input-json", str(exc)) from None
        if loaded is not None:
            text = loaded
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise CliError(
                f"Error parsing parameter 'cli-input-json': Invalid JSON: {exc}\nJSON received: {text}"
            ) from None
        if not isinstance(document, dict):
            raise CliError(f"'{type(document).__name__}' object has no attribute 'keys'")
        for key, item in document.items():
            if key not in params:
                params[key] = item

    # -- validation --------------------------------------------------------

    def validate(self, params, paginate: bool = True) -> list:
        """botocore ParamValidator's message lines for ``params`` (none when valid)."""
        from ._validate import validate_params

        if self.input_shape is None:
            return []
        if (
            paginate
            and self.paginator is not None
            and isinstance(params, dict)
            and "PaginationConfig" in params
        ):
            params = self._as_requested(params)
        return validate_params(params, self.shapes, self.input_shape)

    def _as_requested(self, params: dict) -> dict:
        """The request botocore's paginator sends for the first page."""
        config = params["PaginationConfig"]
        request = {key: item for key, item in params.items() if key != "PaginationConfig"}
        if isinstance(config, dict):
            _, limit_key = self.paginator
            if config.get("PageSize") is not None and limit_key:
                request[limit_key] = config["PageSize"]
            token = config.get("StartingToken")
            if isinstance(token, str):
                from ._convert import decode_starting_token

                try:
                    request.update(decode_starting_token(token, self.paginator[0]))
                except CliError:
                    pass  # reported by parse_args; no request member comes from it
        return request

    def _check_starting_token(self, params: dict, paginate: bool) -> None:
        config = params.get("PaginationConfig")
        if paginate and self.paginator is not None and isinstance(config, dict):
            token = config.get("StartingToken")
            if isinstance(token, str):
                from ._convert import decode_starting_token

                decode_starting_token(token, self.paginator[0])

    # -- entry points ------------------------------------------------------

    def parse_args(self, argv) -> dict:
        """The parameters the AWS CLI hands to its operation caller for ``argv``.

        Errors go to stderr and raise ``SystemExit`` with the CLI's exit code;
        ``--generate-cli-skeleton`` prints the skeleton and exits 0.
        """
        argv = list(argv)
        if "-h" in argv or "--help" in argv:
            sys.stdout.write(self.help())
            raise SystemExit(0)
        try:
            params, paginate, skeleton = self.build(argv)
            if skeleton == "input":
                sys.stdout.write(self.input_skeleton)
                raise SystemExit(0)
            self._check_starting_token(params, paginate)
            errors = self.validate(params, paginate)
            if errors:
                raise CliError("Parameter validation failed:\n" + "\n".join(errors))
            if skeleton == "output":
                sys.stdout.write(self.output_skeleton)
                raise SystemExit(0)
        except CliError as exc:
            if exc.code == 0:
                sys.stdout.write(exc.message + "\n")
            else:
                sys.stderr.write(("" if exc.code == 2 else "\n") + exc.message + "\n")
            raise SystemExit(exc.code) from None
        return params

    def help(self) -> str:
        lines = [f"usage: {self.prog} [options]", "", self.summary, "", "options:"]
        for option, _, shape, required in self.arguments:
            kind = self.shapes[shape][0]
            name = f"{option} | --no-{option[2:]}" if kind == "boolean" else option
            lines.append(f"  {name} ({kind}){' [required]' if required else ''}")
        lines.append("  --cli-input-json <JSON or file://path>")
        lines.append("  --generate-cli-skeleton [input | output]")
        lines.extend(f"  {option}" for option, _, _ in self._paging_options())
        return "\n".join(lines) + "\n"

    def main(self, argv) -> int:
        params = self.parse_args(argv)
        sys.stdout.write(json.dumps(params, indent=4, default=_json_default) + "\n")
        return 0


def _required_overridden(argv: list) -> bool:
    """The AWS CLI drops required options when the input comes as a document."""
    if "--cli-input-json" in argv:
        return True
    if "--generate-cli-skeleton" in argv:
        index = argv.index("--generate-cli-skeleton")
        return argv[index + 1 : index + 2] != ["output"]
    return False


def _json_default(value):
    if isinstance(value, (bytes, bytearray)):
        import base64

        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
