"""``<service>/<op>.py``: stdlib-only command-line parsers, one module per operation.

Each operation module carries the data its parser needs (the shapes reachable
from its input, its options, its pagination and its skeletons) as Python
literals; the shared logic is ``generator/python/runtime/``, real Python
copied byte for byte into each service package.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator.clirules.customisations_v2 import rules_for
from generator.clirules.literal_values import literal_options
from generator.clirules.options import operation_paging
from generator.clirules.versions import CliVersion
from generator.model.ir import NUMBER_TYPES, Member, Operation, Service, ServiceEntry, Shape
from generator.model.names import python_identifier
from generator.pages.help_text import help_lines
from generator.render import Renderer
from generator.skeletons.artifact import skeleton_text

from .layout import Call
from .runtime import runtime_sources

_LENGTHS = frozenset({"string", "list"})


@dataclass(frozen=True)
class ParserData:
    """Everything an operation module prints, as plain Python values."""

    service: str
    operation: Operation
    input_shape: str | None
    #: name -> (type, min, detail, required members, trait); see ``_shape_row``.
    shapes: dict[str, tuple[Any, ...]]
    #: (option, member, shape, required) in model order.
    arguments: tuple[tuple[str, str, str, bool], ...]
    #: (input token members, limit key member) or None.
    paginator: tuple[tuple[str, ...], str] | None
    #: Top-level members botocore fills in when they are missing.
    idempotency_tokens: tuple[str, ...]
    input_skeleton: str
    output_skeleton: str
    #: Streaming output: the CLI's ``outfile`` word (written only when true).
    outfile: bool
    #: Members that are streamed blobs: a file path on the command line.
    streaming_input: tuple[str, ...]
    #: JSON-value header members: JSON text on the command line.
    json_values: tuple[str, ...]
    #: (paging option, member) where a member has the paging option's name.
    shadowed: tuple[tuple[str, str], ...] = ()
    #: The paginator's limit key is a string: so are --page-size and --max-items.
    string_limit: bool = False
    #: Members whose values the CLI takes literally (no file:// or URL reading).
    literal: tuple[str, ...] = ()
    # The AWS CLI's own changes to the command line (generator/clirules/customisations.py):
    #: (member, its undocumented second option).
    aliases: tuple[tuple[str, str], ...] = ()
    #: (member, negative flag) where it is not --no-<name>.
    negatives: tuple[tuple[str, str], ...] = ()
    #: Members of a single-``Value`` boolean structure, taken as flags.
    value_flags: tuple[str, ...] = ()
    #: (option, transform, target member, part, takes, required) of the options it adds.
    customs: tuple[tuple[str, str, str, str, str, bool], ...] = ()
    #: Lists of one-member structures that take bare words.
    bare_words: tuple[str, ...] = ()
    #: Blob members that take only a zip archive's bytes.
    zip_archives: tuple[str, ...] = ()
    #: (member, value) botocore is handed when the member is missing.
    defaults: tuple[tuple[str, int], ...] = ()
    #: The CLI requires --endpoint-url for the service's commands.
    endpoint_required: bool = False
    #: (page size, members any of which leave it unset) the CLI pages by when paging.
    page_size_default: tuple[int, tuple[str, ...]] | None = None
    #: The AWS CLI's major version the module parses as (1 is the runtime's default).
    cli_version: int = 1
    #: ``--generate-cli-skeleton yaml-input`` (v2 only).
    yaml_input_skeleton: str = ""

    @property
    def strict(self) -> bool:
        """``validate(strict=True)``: the strict validators are in the v1 tree only."""
        return self.cli_version == 1

    @property
    def constructor(self) -> Call:
        """The module's ``Operation(...)``, written out by the ``pyassign`` filter."""
        return Call(
            "Operation",
            (
                ("service", self.service),
                ("cli_name", self.operation.cli_name),
                ("input_shape", self.input_shape),
                ("shapes", self.shapes),
                ("arguments", self.arguments),
                ("paginator", self.paginator),
                ("idempotency_tokens", self.idempotency_tokens),
                ("input_skeleton", self.input_skeleton),
                ("output_skeleton", self.output_skeleton),
                *((("outfile", True),) if self.outfile else ()),
                *((("streaming_input", self.streaming_input),) if self.streaming_input else ()),
                *((("json_values", self.json_values),) if self.json_values else ()),
                *((("shadowed", self.shadowed),) if self.shadowed else ()),
                *((("string_limit", True),) if self.string_limit else ()),
                *((("literal", self.literal),) if self.literal else ()),
                *((("aliases", self.aliases),) if self.aliases else ()),
                *((("negatives", self.negatives),) if self.negatives else ()),
                *((("value_flags", self.value_flags),) if self.value_flags else ()),
                *((("customs", self.customs),) if self.customs else ()),
                *((("bare_words", self.bare_words),) if self.bare_words else ()),
                *((("zip_archives", self.zip_archives),) if self.zip_archives else ()),
                *((("defaults", self.defaults),) if self.defaults else ()),
                *((("endpoint_required", True),) if self.endpoint_required else ()),
                *((("page_size_default", self.page_size_default),) if self.page_size_default else ()),
                *((("cli_version", self.cli_version),) if self.cli_version != 1 else ()),
                *((("yaml_input_skeleton", self.yaml_input_skeleton),) if self.yaml_input_skeleton else ()),
            ),
        )


def service_package(service: Service) -> str:
    return python_identifier(service.name)


def _shape_row(shape: Shape) -> tuple[Any, ...]:
    """The validator's and converter's view of a shape: its type; the minimum
    botocore checks (a length for strings and lists, a value for numbers);
    members, element or key and value shapes; required members; a trait."""
    low = shape.constraints.min
    if shape.type not in NUMBER_TYPES | _LENGTHS:
        low = None
    detail: Any = None
    if shape.type == "structure":
        detail = tuple((member.name, _row_name(member)) for member in shape.members)
    elif shape.type == "list" and shape.member is not None:
        detail = shape.member.target
    elif shape.type == "map" and shape.key is not None and shape.value is not None:
        detail = (shape.key.target, shape.value.target)
    trait = "document" if shape.document else "union" if shape.union else ""
    return (shape.type, low, detail, shape.required_names, trait)


def _row_name(member: Member) -> str:
    """The row a member's value is checked against: its shape's, or for a
    JSON-value header member (which botocore only checks encodes to JSON) a
    row of its own, under a name no model shape can have."""
    return f"{member.target} (JSON value)" if member.json_value_header else member.target


def shape_rows(service: Service, root: str | None) -> dict[str, tuple[Any, ...]]:
    """The parser's shape table: a row per shape reachable from ``root``, sorted by name."""
    rows: dict[str, tuple[Any, ...]] = {}
    for name in service.reachable(root):
        shape = service.shape(name)
        rows[name] = _shape_row(shape)
        for member in shape.members:
            if member.json_value_header:
                rows[_row_name(member)] = ("string", None, None, (), "jsonvalue")
    return dict(sorted(rows.items()))


def _without_name(shape: str, parts: frozenset[str]) -> str:
    """The row of ``shape`` less ``parts``, under a name no model shape can have."""
    return f"{shape} (without {', '.join(sorted(parts))})"


def _with_moved(
    rows: dict[str, tuple[Any, ...]],
    members: Sequence[Member],
    moved: dict[str, frozenset[str]],
) -> dict[str, tuple[Any, ...]]:
    """``rows`` and, for each structure member some of whose members another
    option takes, its row without them: what the member's own option reads."""
    for member in members:
        parts = moved.get(member.name)
        if parts:
            kind, low, detail, required, trait = rows[member.target]
            rows[_without_name(member.target, parts)] = (
                kind,
                low,
                tuple(entry for entry in detail if entry[0] not in parts),
                tuple(name for name in required if name not in parts),
                trait,
            )
    return dict(sorted(rows.items()))


def parser_data(service: Service, operation: Operation, renderer: Renderer, cli: CliVersion) -> ParserData:
    arguments: tuple[tuple[str, str, str, bool], ...] = ()
    tokens: tuple[str, ...] = ()
    streamed: tuple[str, ...] = ()
    json_values: tuple[str, ...] = ()
    shadowed: tuple[tuple[str, str], ...] = ()
    literal: tuple[str, ...] = ()
    # A member whose option is a paging option's name (acm's MaxItems limit key)
    # gives way to the paging option, which then stands for the member too
    # (see ``_cli.Operation``).
    paging = operation_paging(service, operation)
    members = service.shape(operation.input).members if operation.input else ()
    custom = rules_for(service.name, operation.name, cli.number)
    if members:
        gone = set(paging.shadowed) if paging else set()
        arguments = tuple(
            (
                custom.renamed.get(member.name, f"--{member.cli_name}"),
                member.name,
                (
                    _without_name(member.target, custom.moved[member.name])
                    if member.name in custom.moved
                    else member.target
                ),
                member.cli_required and member.name not in custom.optional,
            )
            for member in members
            if member not in gone and member.name not in custom.replaced
        )
        shadowed = (
            tuple((f"--{member.cli_name}", member.name) for member in paging.shadowed) if paging else ()
        )
        tokens = tuple(member.name for member in members if member.idempotency_token)
        streamed = tuple(member.name for member in members if service.streamed_blob(member))
        json_values = tuple(member.name for member in members if member.json_value_header)
        # v2 downloads no URL, and reads file:// for every option.
        literal_names = (
            literal_options(service.endpoint_prefix, operation.cli_name) if cli.number == 1 else ()
        )
        # Matched on the option's name as the CLI spells it (after its renames).
        literal = tuple(
            member.name
            for member in members
            if custom.renamed.get(member.name, f"--{member.cli_name}") in literal_names
        )
    paginator = None
    if operation.paginator is not None:
        paginator = (operation.paginator.input_tokens, operation.paginator.limit_key)
    return ParserData(
        service=service.name,
        operation=operation,
        input_shape=operation.input,
        shapes=_with_moved(shape_rows(service, operation.input), members, custom.moved),
        arguments=arguments,
        paginator=paginator,
        idempotency_tokens=tokens,
        input_skeleton=skeleton_text(
            service, operation, renderer, "input", "skeletons/operation.input.json.jinja"
        ),
        output_skeleton=skeleton_text(
            service, operation, renderer, "output", "skeletons/operation.output.json.jinja", always=True
        ),
        outfile=operation.streaming_output,
        streaming_input=streamed,
        json_values=json_values,
        shadowed=shadowed,
        string_limit=bool(paging and paging.string_limit),
        literal=literal,
        aliases=tuple(custom.aliases.items()),
        negatives=tuple(custom.negatives.items()),
        value_flags=tuple(m.name for m in members if custom.value_flags and _is_value_flag(service, m)),
        customs=tuple((a.option, a.kind, a.target, a.part, a.takes, a.required) for a in custom.added),
        bare_words=custom.bare_words,
        zip_archives=custom.zip_archives,
        defaults=custom.defaults,
        endpoint_required=custom.endpoint_required,
        cli_version=cli.number,
        yaml_input_skeleton=(
            skeleton_text(service, operation, renderer, "yaml-input", "skeletons/operation.input.yaml.jinja")
            if cli.number == 2
            else ""
        ),
        page_size_default=(
            (custom.page_size_default.page_size, custom.page_size_default.unless)
            if custom.page_size_default
            else None
        ),
    )


def _is_value_flag(service: Service, member: Member) -> bool:
    """A structure of one boolean named ``Value`` (ec2's AttributeBooleanValue)."""
    shape = service.shape(member.target)
    if shape.type != "structure" or [m.name for m in shape.members] != ["Value"]:
        return False
    return service.shape(shape.members[0].target).type == "boolean"


def render_index(entries: Sequence[ServiceEntry], renderer: Renderer) -> Iterator[tuple[str, str]]:
    """The root package, shared by every service's parsers."""
    yield "__init__.py", renderer.render("python/package_init.py.jinja")


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    package = service_package(service)
    context = {"service": service, "package": package, "cli": cli}
    # The package files and the runtime are written as black writes them
    # (tests/test_pyformat.py holds every generated module to that): no black pass.
    yield f"{package}/__init__.py", renderer.render("python/service_init.py.jinja", **context)
    yield f"{package}/__main__.py", renderer.render(
        "python/service_main.py.jinja",
        operations={op.cli_name: op.py_name for op in operations},
        **context,
    )
    for name, text in runtime_sources().items():
        yield f"{package}/{name}", text
    # An operation module is fixed text around its data, and the data is laid
    # out as black lays it out (``pyassign``): no black pass, the slowest stage.
    for operation in operations:
        data = parser_data(service, operation, renderer, cli)
        yield f"{package}/{operation.py_name}.py", renderer.render(
            "python/operation.py.jinja", data=data, **context
        )
    # Help text, in modules of its own: a parse never loads it.
    yield f"{package}/_help/__init__.py", renderer.render("python/help_init.py.jinja", **context)
    for operation in operations:
        yield f"{package}/_help/{help_module(operation)}.py", renderer.render(
            "python/help.py.jinja", operation=operation, lines=help_lines(service, operation, cli), **context
        )


def help_module(operation: Operation) -> str:
    """The module of an operation's help under ``_help``: its CLI name with
    underscores, the rule ``_cli.Operation.print_help`` follows."""
    return operation.cli_name.replace("-", "_")
