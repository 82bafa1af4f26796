"""Turns an operation's command line into request parameters as AWS CLI v1 or v2 does.

Each operation module holds its model data (shapes, arguments, pagination,
skeletons) and hands it to ``Operation``; this module is the shared logic.
Parsing runs in AWS CLI order: global options, operation options (argparse),
the pagination check, each option's value (``file://``, shorthand or JSON,
type conversion), ``--cli-input-json``, ``--generate-cli-skeleton``, and
botocore's parameter validation.

The two major versions differ in data chosen when the package is generated
(``Operation(cli_version=2)``): v2's global options, ``--cli-input-yaml`` and
``--generate-cli-skeleton yaml-input``, no URL downloads, blobs as base64
text, and its exit codes and ``aws: [ERROR]:`` messages (``CliError.report``).
"""

import os
import sys

from ._paramfile import ParamFileError, load_paramfile

# argparse and json are imported only where they are needed: a plain command
# line needs neither (see ``Operation._quick_parse``), and start-up time is
# most of what a parse costs.

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import IO, Any, TypeAlias

    #: A shape's row in an operation's table: (type, minimum, detail, required
    #: members, trait), where the detail depends on the type: a structure's
    #: (member, shape) pairs, a list's element shape, a map's (key shape,
    #: value shape), else None.
    Row: TypeAlias = tuple[str, int | float | None, Any, tuple[str, ...], str]
    Shapes: TypeAlias = dict[str, Row]
    #: (option, member, shape, required).
    Argument: TypeAlias = tuple[str, str, str, bool]
    #: (input token members, limit key member).
    Paginator: TypeAlias = tuple[tuple[str, ...], str]
    #: (option, paging key, argparse type: None for a string).
    PagingOption: TypeAlias = tuple[str, str, type[int] | None]
    #: (destination, how many words, detail): the value of a flag, the type
    #: a word converts to (or None), or nothing.
    QuickAction: TypeAlias = tuple[str, int, Any]

# (option, argparse keyword arguments) of the AWS CLI's global options,
# accepted wherever they appear and otherwise ignored (see the generator's docs/known-differences.rst).
GLOBAL_OPTIONS: "tuple[tuple[str, dict[str, Any]], ...]" = (
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
# AWS CLI v2's: the same, less --v2-debug, with its own options and more output formats.
GLOBAL_OPTIONS_V2: "tuple[tuple[str, dict[str, Any]], ...]" = (
    *(
        (option, kwargs)
        for option, kwargs in GLOBAL_OPTIONS
        if option not in ("--output", "--cli-read-timeout", "--cli-connect-timeout", "--v2-debug")
    ),
    ("--output", {"choices": ["json", "text", "table", "yaml", "yaml-stream", "off"]}),
    # v2 converts the timeouts after parsing (an error exits 255, not 252).
    ("--cli-read-timeout", {"dest": "read_timeout"}),
    ("--cli-connect-timeout", {"dest": "connect_timeout"}),
    ("--cli-binary-format", {"choices": ["base64", "raw-in-base64-out"]}),
    ("--no-cli-pager", {"action": "store_true"}),
    ("--cli-auto-prompt", {"action": "store_true"}),
    ("--no-cli-auto-prompt", {"action": "store_true"}),
    (
        "--cli-error-format",
        {"choices": ["legacy", "json", "yaml", "text", "table", "enhanced"]},
    ),
)
_GLOBAL_NAMES = {
    1: tuple(option for option, _ in GLOBAL_OPTIONS),
    2: tuple(option for option, _ in GLOBAL_OPTIONS_V2),
}
_PAGING_OPTIONS: "tuple[PagingOption, ...]" = (
    ("--starting-token", "StartingToken", None),
    ("--page-size", "PageSize", int),
    ("--max-items", "MaxItems", int),
)
_PAGING_DESTS = {option: "paging_" + key for option, key, _ in _PAGING_OPTIONS}
#: Model types whose values are not containers.
SCALAR_TYPES = frozenset(
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
ARGPARSE_TYPES = {"long": int, "float": float, "double": float}
# How many words an option takes (argparse's nargs: 0, None, "*", "?").
_FLAG, _ONE, _MANY, _OPTIONAL = range(4)
_SKELETONS = {1: ("input", "output"), 2: ("input", "output", "yaml-input")}
# What validation sees in place of the UUID botocore would put in a missing
# idempotency token (a UUID's length: the token's length limits apply to it).
_TOKEN = "00000000-0000-0000-0000-000000000000"


def dest(member: str) -> str:
    """The namespace attribute of a member's option: never a Namespace method
    (``__init__``) nor one of the parser's own (``help``, ``cli_input_json``)."""
    return "member:" + member


def negative_dest(member: str) -> str:
    """Where a {"Value": boolean} member's negative flag goes (its own, to tell both given)."""
    return "negative:" + member


def custom_dest(option: str) -> str:
    """Where an option the CLI adds goes."""
    return "custom:" + option


class CliError(Exception):
    """A rejected command line: ``message`` goes to stderr, ``code`` is the exit status.

    ``validation``: AWS CLI v2 reports it as a parameter validation error (exit
    252) rather than as any other failure (255); ``v2`` is its wording there
    where it differs."""

    validation = False

    def __init__(self, message: str, code: int = 255, v2: "str | None" = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.v2 = message if v2 is None else v2

    def report(self, cli_version: int) -> "tuple[int, str]":
        """``(exit code, stderr text)`` as that major version of the CLI prints the error."""
        if cli_version == 1:
            return self.code, ("" if self.code == 2 else "\n") + self.message + "\n"
        # v2 drops the whitespace that ends a message (the value an error quotes).
        if self.validation:
            return 252, f"\naws: [ERROR]: An error occurred (ParamValidation): {self.v2.rstrip()}\n"
        return 255, f"\naws: [ERROR]: {self.v2.rstrip()}\n"


class ValidationError(CliError):
    """A command line the CLI's parameter checks refuse."""

    validation = True


class UsageError(ValidationError):
    """argparse's refusal (exit 2 in v1): ``usage`` and ``detail`` are its two parts."""

    def __init__(self, usage: str, prog: str, detail: str) -> None:
        super().__init__(f"usage: {usage}\n{prog}: error: {detail}", 2, detail)
        self.usage = usage

    def report(self, cli_version: int) -> "tuple[int, str]":
        if cli_version == 1:
            return super().report(cli_version)
        text = f"\naws: [ERROR]: An error occurred (ParamValidation): {self.v2}\n\nusage: {self.usage}\n"
        return 252, text


class UnknownOptions(ValidationError):
    def __init__(self, usage: str, unknown: "list[str]") -> None:
        words = ", ".join(unknown)
        super().__init__(
            f"usage: {usage}\nUnknown options: {words}", 255, f"Unknown options: {words}"
        )
        self.usage = usage

    def report(self, cli_version: int) -> "tuple[int, str]":
        if cli_version == 1:
            return super().report(cli_version)
        return 252, f"\nusage: {self.usage}\n\n\naws: [ERROR]: {self.v2}\n"


class ParamError(ValidationError):
    def __init__(self, option: str, message: str, v2: "str | None" = None) -> None:
        text = f"Error parsing parameter '{option}': "
        super().__init__(text + message, v2=None if v2 is None else text + v2)


def _warn_of_max_items(value: "int | str") -> None:
    """The CLI's warning on a --max-items it will page by; a string limit
    (cloudfront) must then read as a whole number."""
    try:
        if int(value) <= 0:
            sys.stderr.write(
                "warning: Non-positive values for --max-items may result in undefined behavior.\n"
            )
    except ValueError as exc:
        raise CliError(str(exc)) from None


class Operation:
    """One operation's command line: see the module docstring for the steps."""

    def __init__(
        self,
        *,
        service: str,
        cli_name: str,
        input_shape: "str | None",
        shapes: "Shapes",
        arguments: "tuple[Argument, ...]",
        paginator: "Paginator | None",
        idempotency_tokens: "tuple[str, ...]",
        input_skeleton: str,
        output_skeleton: str,
        outfile: bool = False,
        streaming_input: "tuple[str, ...]" = (),
        json_values: "tuple[str, ...]" = (),
        shadowed: "tuple[tuple[str, str], ...]" = (),
        string_limit: bool = False,
        literal: "tuple[str, ...]" = (),
        aliases: "tuple[tuple[str, str], ...]" = (),
        negatives: "tuple[tuple[str, str], ...]" = (),
        value_flags: "tuple[str, ...]" = (),
        customs: "tuple[tuple[str, str, str, str, str, bool], ...]" = (),
        bare_words: "tuple[str, ...]" = (),
        zip_archives: "tuple[str, ...]" = (),
        defaults: "tuple[tuple[str, int], ...]" = (),
        endpoint_required: bool = False,
        page_size_default: "tuple[int, tuple[str, ...]] | None" = None,
        cli_version: int = 1,
        yaml_input_skeleton: str = "",
    ) -> None:
        self.service = service
        self.cli_name = cli_name
        self.input_shape = input_shape
        self.shapes = shapes
        #: (option, member, shape, required) in model order.
        self.arguments = arguments
        #: (input token members, limit key member) or None.
        self.paginator = paginator
        #: Members botocore fills in with a fresh UUID when they are missing.
        self.idempotency_tokens = idempotency_tokens
        self.input_skeleton = input_skeleton
        self.output_skeleton = output_skeleton
        #: Streaming output: a required ``outfile`` word instead of the
        #: ``--cli-input-json`` and ``--generate-cli-skeleton`` options.
        self.outfile = outfile
        #: Streamed blob members: the CLI takes a path and hands on the open file.
        self.streaming_input = streaming_input
        #: JSON-value header members: the CLI reads their value as JSON.
        self.json_values = json_values
        #: Paging option -> the member whose option it took over (acm's
        #: ``--max-items``): without pagination, its value is that member's.
        self.shadowed = dict(shadowed)
        #: The limit key is a string (cloudfront's MaxItems): so are the
        #: values of --page-size and --max-items, as in the CLI.
        self.string_limit = string_limit
        #: Members whose values the CLI takes as they are: never read from
        #: ``file://``, ``fileb://``, ``http://`` or ``https://``.
        self.literal = literal
        # The AWS CLI's own changes to this command line (see _custom.py):
        #: member -> its undocumented second option.
        self.aliases = dict(aliases)
        #: member -> the boolean's negative flag where it is not --no-<name>.
        self.negatives = dict(negatives)
        #: Members that are {"Value": boolean} structures taken as flags.
        self.value_flags = value_flags
        #: (option, transform, target member, part, what it takes, required) it adds.
        self.customs = customs
        #: Lists of one-member structures that take bare words.
        self.bare_words = bare_words
        #: Blob members that take only a zip archive's bytes (lambda's ZipFile).
        self.zip_archives = zip_archives
        #: Members botocore is handed when missing: checked, not printed.
        self.defaults = dict(defaults)
        #: The service has no endpoint of its own: --endpoint-url is required.
        self.endpoint_required = endpoint_required
        #: (page size, members any of which leave it unset) when the CLI pages.
        self.page_size_default = page_size_default
        #: The AWS CLI's major version this parser reads command lines as.
        self.cli_version = cli_version
        #: ``--generate-cli-skeleton yaml-input`` (v2).
        self.yaml_input_skeleton = yaml_input_skeleton
        self.prog = f"python -m {__package__} {cli_name}"
        self._check: Callable[[Any], list[str]] | None = None

    # -- the command line ------------------------------------------------

    def build(self, argv: "Iterable[str]") -> "tuple[dict[str, Any], bool, str | None, bool]":
        """``(params, paginate, skeleton, base64 blobs)`` before validation; raises
        ``CliError``. The last: v2 reads blob text as base64 (not with
        ``--cli-binary-format raw-in-base64-out``)."""
        argv = list(argv)
        values = self._quick_parse(argv)
        paginate = True
        if values is None:
            from ._argparser import parse

            values, paginate = parse(self, argv)
        paginate = self._paginate(values, paginate)
        params: dict[str, Any] = {}
        for option, member, shape, _ in self.arguments:
            value = values.get(dest(member))
            if value is True and member in self.value_flags:
                params[member] = {"Value": True}
            elif value is not None:
                params[member] = self._unpack(option, member, shape, value)
        if self.value_flags or self.customs:
            from ._custom import apply

            apply(self, values, params)
        paging: dict[str, Any] = {}
        for option, key, kind in self.paging_options():
            value = values.get("paging_" + key)
            if value is None:
                continue
            if kind is None:  # a string, which the CLI also reads from file://
                value = self._paging_text(option, value)
            if not paginate and option in self.shadowed:
                params[self.shadowed[option]] = value
            else:
                paging[key] = value
        if "MaxItems" in paging:
            _warn_of_max_items(paging["MaxItems"])
        if paging:
            params["PaginationConfig"] = paging
        if self.cli_version == 2:
            from ._convert import merge_input_document

            merge_input_document(params, values.get("cli_input_json"), values.get("cli_input_yaml"))
        elif values.get("cli_input_json") is not None:
            from ._convert import merge_input_json

            merge_input_json(params, values["cli_input_json"])
        if paginate and self.page_size_default is not None:
            size, unless = self.page_size_default
            if not any(member in params for member in unless):
                params.setdefault("PaginationConfig", {}).setdefault("PageSize", size)
        skeleton = values.get("generate_cli_skeleton")
        if (
            self.endpoint_required
            and values.get("global:endpoint_url") is None
            and skeleton != "input"
        ):
            raise ValidationError(f"--endpoint-url is required for {self.service} commands")
        base64_blobs = (
            self.cli_version == 2 and values.get("global:cli_binary_format") != "raw-in-base64-out"
        )
        return params, paginate, skeleton, base64_blobs

    def _quick_parse(self, argv: "list[str]") -> "dict[str, Any] | None":
        """The values argparse gives (by destination) for a command line made
        only of this operation's options, each followed by the words it takes:
        no global option, abbreviation, ``--x=y``, word starting with a dash,
        stray word or missing required option. None for any other command
        line, which argparse then reads (and reports). Importing argparse
        costs more than all the rest of a parse."""
        actions = None if self.outfile else self._quick_actions()
        if actions is None:
            return None
        values: dict[str, Any] = {}
        index, count = 0, len(argv)
        while index < count:
            option = argv[index]
            action = actions.get(option)
            # The AWS CLI's global parser reads a prefix of its options as the option.
            if action is None or any(
                name.startswith(option) for name in _GLOBAL_NAMES[self.cli_version]
            ):
                return None
            target, arity, detail = action
            start = index = index + 1
            while index < count and not argv[index].startswith("-"):
                index += 1
            words = argv[start:index]
            value: object
            if arity == _MANY:
                value = words
            elif arity == _FLAG:
                if words:
                    return None
                value = detail
            elif arity == _ONE:
                if len(words) != 1:
                    return None
                value = words[0]
                if detail is not None:
                    try:
                        value = detail(value)
                    except (TypeError, ValueError):
                        return None
            else:
                if len(words) > 1 or words and words[0] not in _SKELETONS[self.cli_version]:
                    return None
                value = words[0] if words else "input"
            values[target] = value
        if not required_overridden(argv, self.cli_version):
            for _, member, shape, required in self.arguments:
                if required and dest(member) not in values and self.shapes[shape][0] != "boolean":
                    return None
        return values

    def _quick_actions(self) -> "dict[str, QuickAction] | None":
        """Option -> (destination, how many words, detail) as the argparse path
        declares them; None when two declarations share an option string,
        which argparse refuses."""
        if self.aliases or self.value_flags or self.customs or self.endpoint_required:
            return None  # options of the CLI's own: argparse reads them
        actions: dict[str, QuickAction] = {}
        declared = 0
        for option, member, shape, _ in self.arguments:
            kind = self.shapes[shape][0]
            if kind == "boolean":
                actions[option] = (dest(member), _FLAG, True)
                actions[self.negative(option, member)] = (dest(member), _FLAG, False)
                declared += 2
                continue
            arity = _MANY if kind == "list" else _ONE
            actions[option] = (dest(member), arity, ARGPARSE_TYPES.get(kind))
            declared += 1
        actions["--cli-input-json"] = ("cli_input_json", _ONE, None)
        actions["--generate-cli-skeleton"] = ("generate_cli_skeleton", _OPTIONAL, None)
        declared += 2
        if self.cli_version == 2:
            actions["--cli-input-yaml"] = ("cli_input_yaml", _ONE, None)
            declared += 1
        for option, key, convert in self.paging_options():
            actions[option] = ("paging_" + key, _ONE, convert)
        return actions if len(actions) == declared + len(self.paging_options()) else None

    def negative(self, option: str, member: str) -> str:
        """A boolean member's negative flag."""
        return self.negatives.get(member) or "--no-" + option[2:]

    def _paging_text(self, option: str, value: str) -> "str | bytes":
        try:
            loaded = load_paramfile(value, remote=self.cli_version == 1)
        except ParamFileError as exc:
            raise ParamError(option, str(exc)) from None
        return value if loaded is None else loaded

    def paging_options(self) -> "tuple[PagingOption, ...]":
        """``--starting-token``, ``--page-size`` (where there is a limit key), ``--max-items``."""
        if self.paginator is None:
            return ()
        limit_key = self.paginator[1]
        return tuple(
            (option, key, None if self.string_limit else kind)
            for option, key, kind in _PAGING_OPTIONS
            if limit_key or key != "PageSize"
        )

    def _paginate(self, values: "dict[str, Any]", paginate: bool) -> bool:
        if self.paginator is None:
            return False
        input_tokens, limit_key = self.paginator
        # Setting a paging member yourself turns the CLI's pagination off;
        # through a paging option that took its place too, but for --max-items.
        options = {member: option for option, member in self.shadowed.items()}
        for member in filter(None, input_tokens + (limit_key,)):
            option = options.get(member)
            value = values.get(dest(member) if option is None else _PAGING_DESTS[option])
            if value is not None and option != "--max-items":
                paginate = False
        # As the CLI counts them: a value that is false (0) is none. The CLI
        # looks its paging options up by name, so a member whose option has
        # one of their names (rolesanywhere's pageSize, where the paginator
        # has no limit key) counts as that paging option.
        given = [
            option
            for option, key, _ in _PAGING_OPTIONS
            if option not in self.shadowed and self._paging_value(values, option, key)
        ]
        if given and not paginate:
            conflict = "Cannot specify --no-paginate along with pagination arguments: " + ", ".join(
                given
            )
            raise ValidationError("Error during pagination: " + conflict, v2=conflict)
        return paginate

    def _paging_value(self, values: "dict[str, Any]", option: str, key: str) -> "Any":
        """The value given to the paging option ``option``, or to the member
        whose option bears that name where the CLI adds no such option."""
        if any(option == own for own, _, _ in self.paging_options()):
            return values.get("paging_" + key)
        member = next((member for name, member, _, _ in self.arguments if name == option), None)
        return None if member is None else values.get(dest(member))

    # -- one option's value ------------------------------------------------

    def _unpack(self, option: str, member: str, shape: str, value: "Any") -> "Any":
        if member not in self.literal:
            try:
                single = value[0] if isinstance(value, list) and len(value) == 1 else value
                loaded = load_paramfile(single, remote=self.cli_version == 1)
            except ParamFileError as exc:
                raise ParamError(option, str(exc)) from None
            if loaded is not None:
                value = loaded
        if member in self.zip_archives:
            from ._custom import check_zip_archive

            check_zip_archive(option, value)
        if member in self.streaming_input:
            return _open_streamed(option, value)
        if member in self.json_values:
            from ._convert import parse_json

            return parse_json(option, value)
        if member in self.bare_words:
            from ._custom import bare_words

            words = bare_words(self.shapes, shape, value)
            if words is not None:
                return words
        if self._is_complex(shape):
            from ._convert import unpack_complex

            return unpack_complex(self.shapes, option, shape, value)
        from ._convert import unpack_plain

        return unpack_plain(self.shapes, option, shape, value)

    def _is_complex(self, shape: str) -> bool:
        kind, _, detail, _, _ = self.shapes[shape]
        if kind in ("structure", "map"):
            return True
        return kind == "list" and self.shapes[detail][0] not in SCALAR_TYPES

    # -- validation --------------------------------------------------------

    def validate(self, params: "Any", paginate: bool = True) -> "list[str]":
        """botocore ParamValidator's message lines for ``params`` (none when valid)."""
        if (
            paginate
            and self.paginator is not None
            and isinstance(params, dict)
            and "PaginationConfig" in params
        ):
            params = self._as_requested(params)
        check = self._check or self._compile_checker()
        try:
            return check(params)
        except RecursionError:
            from ._validate import TOO_DEEP

            return [TOO_DEEP]

    def _compile_checker(self) -> "Callable[[Any], list[str]]":
        if self.input_shape is None:
            self._check = _no_input
        else:
            from ._validate import compile_checker

            self._check = compile_checker(self.shapes, self.input_shape)
        return self._check

    def _as_requested(self, params: "dict[str, Any]") -> "dict[str, Any]":
        """The request botocore's paginator sends for the first page."""
        config = params["PaginationConfig"]
        request = {key: item for key, item in params.items() if key != "PaginationConfig"}
        assert self.paginator is not None  # validate asks only with a paginator
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

    def _check_starting_token(self, params: "dict[str, Any]", paginate: bool) -> None:
        config = params.get("PaginationConfig")
        if paginate and self.paginator is not None and isinstance(config, dict):
            token = config.get("StartingToken")
            if isinstance(token, str):
                from ._convert import decode_starting_token

                decode_starting_token(token, self.paginator[0])

    # -- entry points ------------------------------------------------------

    def parse_args(self, argv: "Iterable[str]") -> "dict[str, Any]":
        """The parameters the AWS CLI hands to its operation caller for ``argv``.

        Errors go to stderr and raise ``SystemExit`` with the CLI's exit code;
        ``--generate-cli-skeleton`` prints the skeleton and exits 0.
        """
        argv = list(argv)
        skeleton_only = argv in (["--generate-cli-skeleton"], ["--generate-cli-skeleton", "input"])
        if skeleton_only and not self.outfile:
            # Nothing else to parse: the skeleton is the whole answer.
            sys.stdout.write(self.input_skeleton)
            raise SystemExit(0)
        if self.asks_for_help(argv):
            sys.stdout.write(self.help())
            raise SystemExit(0)
        try:
            params, paginate, skeleton, base64_blobs = self.build(argv)
            if skeleton == "input":
                sys.stdout.write(self.input_skeleton)
                raise SystemExit(0)
            if skeleton == "yaml-input":
                sys.stdout.write(self.yaml_input_skeleton)
                raise SystemExit(0)
            self._check_starting_token(params, paginate)
            if base64_blobs and self.input_shape is not None:
                # v2 decodes blob text as base64 before botocore validates the request.
                from ._convert import check_base64

                check_base64(self.shapes, self.input_shape, params)
            # The CLI hands on the parameters as they are; botocore then fills
            # in missing idempotency tokens and validates the result.
            filled: "dict[str, Any]" = {
                name: _TOKEN for name in self.idempotency_tokens if name not in params
            }
            filled.update(
                (name, value) for name, value in self.defaults.items() if name not in params
            )
            errors = self.validate({**params, **filled} if filled else params, paginate)
            if errors and self.cli_version == 2:
                errors = [_v2_wording(line) for line in errors]
            if errors:
                raise ValidationError("Parameter validation failed:\n" + "\n".join(errors))
            if skeleton == "output":
                sys.stdout.write(self.output_skeleton)
                raise SystemExit(0)
        except CliError as exc:
            if exc.code == 0:
                sys.stdout.write(exc.message + "\n")
                raise SystemExit(0) from None
            code, text = exc.report(self.cli_version)
            sys.stderr.write(text)
            raise SystemExit(code) from None
        except RecursionError as exc:
            # JSON nested deeper than Python's reader goes: the CLI prints the
            # reader's message and exits 255, as for any unexpected error.
            code, text = CliError(str(exc)).report(self.cli_version)
            sys.stderr.write(text)
            raise SystemExit(code) from None
        return params

    def help(self) -> str:
        """The operation's documentation as plain text (``_help/<operation>.py``,
        imported only here: a parse never loads it)."""
        from importlib import import_module

        module = import_module(f"._help.{self.cli_name.replace('-', '_')}", __package__)
        return "\n".join((f"usage: {self.prog} [options]", "", *module.LINES)) + "\n"

    def asks_for_help(self, argv: "list[str]") -> bool:
        """``-h``, ``--help``, or the word ``help`` where no option takes it as
        its value, whatever else the line holds. The CLI's own parser takes
        ``help`` in its one positional place (after an operation's ``outfile``)."""
        if "-h" in argv or "--help" in argv:
            return True
        if "help" not in argv:
            return False
        globals_ = GLOBAL_OPTIONS_V2 if self.cli_version == 2 else GLOBAL_OPTIONS
        arities = {option: _ONE for option, kwargs in globals_ if "action" not in kwargs}
        for option, _, shape, _ in self.arguments:
            kind = self.shapes[shape][0]
            arities[option] = _FLAG if kind == "boolean" else _MANY if kind == "list" else _ONE
        arities.update({option: _ONE for option, _, _ in self.paging_options()})
        arities["--cli-input-json"] = _ONE
        if self.cli_version == 2:
            arities["--cli-input-yaml"] = _ONE
        arities["--generate-cli-skeleton"] = _OPTIONAL
        free = []
        index = 0
        while index < len(argv):
            word = argv[index]
            index += 1
            arity = arities.get(word, _FLAG)
            if not word.startswith("-"):
                free.append(word)
            elif arity == _ONE:
                index += 1
            elif arity == _MANY:
                while index < len(argv) and not argv[index].startswith("-"):
                    index += 1
            elif (
                arity == _OPTIONAL and argv[index:] and argv[index] in _SKELETONS[self.cli_version]
            ):
                index += 1
        if self.outfile and free[:1] != ["help"]:
            free = free[1:]
        return "help" in free

    def main(self, argv: "Iterable[str]") -> int:
        params = self.parse_args(argv)
        from ._jsonout import dumps

        sys.stdout.write(dumps(params) + "\n")
        return 0


_UNION_LINES = (
    "Must set one of the following keys for tagged unionstructure ",
    "Invalid number of parameters set for tagged union structure ",
)


def _v2_wording(line: str) -> str:
    """v2's botocore lists a tagged union's members with ``. `` between them, not ``, ``."""
    if not line.startswith(_UNION_LINES):
        return line
    head, _, names = line.rpartition(": ")
    return f"{head}: {names.replace(', ', '. ')}"


def _open_streamed(option: str, value: str) -> "IO[bytes]":
    """A streamed blob's value names a file (after ``~`` and variables are
    expanded, and after a ``file://`` value is read): its open binary file."""
    path = os.path.expanduser(os.path.expandvars(value))
    if not os.path.isfile(path):
        raise ParamError(option, "Blob values must be a path to a file.")
    return open(path, "rb")


def required_overridden(argv: "list[str]", cli_version: int = 1) -> bool:
    """The AWS CLI drops required options when the input comes as a document."""
    if "--cli-input-json" in argv or cli_version == 2 and "--cli-input-yaml" in argv:
        return True
    if "--generate-cli-skeleton" in argv:
        index = argv.index("--generate-cli-skeleton")
        return argv[index + 1 : index + 2] != ["output"]
    return False


def _no_input(params: "Any") -> "list[str]":
    """An operation without input accepts anything, as botocore does."""
    return []
