"""IR -> what a reference page prints: its options, member trees and syntax blocks.

Everything a page template needs is decided here, once: which options the
CLI shows for an operation and in what order, their type labels, the member
tree under each option and under Output, the Shorthand and JSON syntax
examples, and the model's examples (``examples``). Model prose stays HTML;
the templates convert it with the ``rst`` filter.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.clirules import options as cli_options
from generator.clirules.versions import CliVersion
from generator.clirules.waiters import WAIT_DESCRIPTION, waiter_description
from generator.markup.rst import convert
from generator.model.ir import Member, Operation, Service, Shape, Waiter

from .examples import ExampleDoc, example_docs
from .syntax import SCALAR_TYPES, Layout, json_example, json_value, shorthand_lines


@dataclass(frozen=True)
class MemberDoc:
    """``name -> (type)`` and its documentation, or the recursion marker."""

    label: str
    documentation: str = ""
    union_keys: tuple[str, ...] = ()
    children: tuple["MemberDoc", ...] = ()
    #: Only ``( ... recursive ... )`` is printed.
    recursive: bool = False
    #: Listed under the documentation where the CLI version lists them (``CliVersion.page_constraints``).
    enum: tuple[str, ...] = ()
    constraints: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class OptionDoc:
    #: ``--force`` or, for a boolean, ``--force`` and ``--no-force``.
    names: tuple[str, ...]
    synopsis: str
    type_name: str
    documentation: str
    #: After the type: `` [required]`` where the CLI version marks required options.
    marker: str = ""
    streaming: bool = False
    union_keys: tuple[str, ...] = ()
    enum: tuple[str, ...] = ()
    members: tuple[MemberDoc, ...] = ()
    #: Lines of the Shorthand Syntax block (none: no block).
    shorthand: tuple[str, ...] = ()
    #: ``"string" "string" ...`` for a list of scalars ('' otherwise).
    list_syntax: str = ""
    list_enum: tuple[str, ...] = ()
    #: The JSON Syntax block, laid out at the block's indent ('' for none).
    json_syntax: str = ""
    constraints: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Crumb:
    """A breadcrumb: a parent command and the label of its page."""

    name: str
    label: str


def _label(lineage: Sequence[str]) -> str:
    """The ``:ref:`` label of a command's page: ``cli:aws ecr wait``."""
    return "cli:aws " + " ".join(lineage)


def _crumbs(lineage: Sequence[str]) -> tuple[Crumb, ...]:
    """``("ecr", "wait")`` -> the crumbs of ``aws ecr`` and ``aws ecr wait``."""
    return tuple(Crumb(name, _label(lineage[: i + 1])) for i, name in enumerate(lineage))


@dataclass(frozen=True)
class OperationPage:
    """The page of a command that calls an operation (an operation's own, or a waiter's)."""

    #: The commands above this one (``ecr``, or ``ecr`` and ``wait``).
    parents: tuple[Crumb, ...]
    #: The page's ``:ref:`` label (``cli:aws ecr complete-layer-upload``).
    label: str
    name: str
    documentation: str
    crosslink: str
    uses_documents: bool
    paginated: bool
    #: The paginator's result keys, named in the paging note.
    result_keys: tuple[str, ...]
    options: tuple[OptionDoc, ...]
    output: tuple[MemberDoc, ...]
    link_targets: tuple[tuple[str, str], ...]
    #: The model's examples (a waiter's page has none).
    examples: tuple[ExampleDoc, ...] = ()


@dataclass(frozen=True)
class GroupPage:
    """The index page of a command with subcommands: a service, or its ``wait``."""

    parents: tuple[Crumb, ...]
    label: str
    name: str
    #: The model's documentation of a service (HTML).
    documentation: str
    #: The CLI's own description of a group it adds (``wait``): RST text,
    #: which the CLI writes as it is, not through its HTML converter.
    description: str
    #: The toctree: a subcommand's page, or ``wait/index`` for a group.
    entries: tuple[str, ...]
    #: Deprecated operations, and waiters that poll one: the CLI gives them
    #: a page but lists them nowhere.
    unlisted: tuple[str, ...]
    link_targets: tuple[tuple[str, str], ...]


def member_documentation(service: Service, member: Member) -> str:
    """A member's own documentation, or its shape's when it has none."""
    return member.documentation or service.shape(member.target).documentation


def type_label(service: Service, member: Member) -> str:
    shape = service.shape(member.target)
    if shape.type == "string" and member.json_value_header:
        return "JSON"
    if shape.document:
        return "document"
    if service.streamed_blob(member):
        return "streaming blob"
    if shape.union:
        return "tagged union structure"
    return shape.type


def _uses_documents(service: Service, root: str | None) -> bool:
    return any(service.shape(name).document for name in service.reachable(root))


# Member trees -----------------------------------------------------------


def _constraints(shape: Shape, cli: CliVersion) -> tuple[tuple[str, str], ...]:
    """``(name, value)`` of the model's limits, where the CLI version lists them."""
    if not cli.page_constraints:
        return ()
    limits = (("min", shape.constraints.min), ("max", shape.constraints.max), ("pattern", shape.constraints.pattern))
    return tuple((name, str(value)) for name, value in limits if value is not None)


def _member_enum(shape: Shape, cli: CliVersion) -> tuple[str, ...]:
    return shape.constraints.enum if cli.page_constraints and shape.type == "string" else ()


def _children(
    service: Service, shape: Shape, stack: list[str], cli: CliVersion, marks_required: bool = True
) -> Iterator[MemberDoc]:
    """``marks_required``: whether the required members of ``shape`` itself are marked (the
    Output section's first level is not; every deeper one is)."""
    if shape.type == "structure":
        required = set(shape.required_names) if marks_required else set()
        for member in shape.members:
            yield from _member_doc(service, member.name, member, stack, cli, member.name in required)
    elif shape.type == "list" and shape.member is not None:
        yield from _member_doc(service, "", shape.member, stack, cli, False)
    elif shape.type == "map" and shape.key is not None and shape.value is not None:
        yield from _member_doc(service, shape.key.location_name or "key", shape.key, stack, cli, False)
        yield from _member_doc(service, shape.value.location_name or "value", shape.value, stack, cli, False)


def _member_doc(
    service: Service, name: str, member: Member, stack: list[str], cli: CliVersion, required: bool
) -> Iterator[MemberDoc]:
    shape = service.shape(member.target)
    # A shape is documented again once inside itself, then only marked.
    if stack.count(shape.name) > 1:
        if shape.type == "structure":
            yield MemberDoc(label="( ... recursive ... )", recursive=True)
        return
    stack.append(shape.name)
    try:
        label = type_label(service, member)
        marker = cli.required_marker if required else ""
        yield MemberDoc(
            label=(f"{name} -> ({label})" if name else f"({label})") + marker,
            documentation=member_documentation(service, member),
            union_keys=tuple(m.name for m in shape.members) if shape.union else (),
            children=tuple(_children(service, shape, stack, cli)),
            enum=_member_enum(shape, cli),
            constraints=_constraints(shape, cli),
        )
    finally:
        stack.pop()


# Options ------------------------------------------------------------------


def _model_option(service: Service, member: Member, cli: CliVersion) -> OptionDoc:
    shape = service.shape(member.target)
    names: tuple[str, ...] = (f"--{member.cli_name}",)
    if shape.type == "boolean":
        names += (f"--no-{member.cli_name}",)
        synopsis = " | ".join(names)
    else:
        synopsis = f"{names[0]} <value>"
    if not member.cli_required:
        synopsis = f"[{synopsis}]"
    shorthand = shorthand_lines(service, shape)
    list_enum: tuple[str, ...]
    list_syntax, list_enum, json_syntax = "", (), ""
    element = service.shape(shape.member.target) if shape.type == "list" and shape.member else None
    if shorthand is not None and shape.type != "boolean":
        if element is not None and element.type in SCALAR_TYPES:
            value = json_value(service, element, with_enum=False)
            list_syntax = f"{value} {value} ..."
            list_enum = element.constraints.enum if element.type == "string" and cli.list_syntax_values else ()
        elif shape.type not in SCALAR_TYPES:
            layout = Layout(1)
            json_example(service, shape, layout, [])
            json_syntax = "".join(layout.parts)
    return OptionDoc(
        names=names,
        synopsis=synopsis,
        type_name=type_label(service, member),
        documentation=member_documentation(service, member),
        marker=cli.required_marker if member.cli_required else "",
        streaming=service.streamed_blob(member),
        union_keys=tuple(m.name for m in shape.members) if shape.union else (),
        enum=shape.constraints.enum if shape.type == "string" else (),
        members=tuple(_children(service, shape, [shape.name], cli)),
        shorthand=shorthand or (),
        list_syntax=list_syntax,
        list_enum=list_enum,
        json_syntax=json_syntax,
        constraints=_constraints(shape, cli),
    )


def _cli_option(option: cli_options.CliOption, constraints: tuple[tuple[str, str], ...] = ()) -> OptionDoc:
    names = (option.name, *option.aliases)
    return OptionDoc(
        names=names,
        # An option with aliases takes them instead of a value: ``[--a | --b]``.
        synopsis=f"[{' | '.join(names)}]" if option.aliases else f"[{option.name} <value>]",
        type_name=option.type_name,
        documentation=option.documentation,
        constraints=constraints,
    )


def options(service: Service, operation: Operation, cli: CliVersion) -> tuple[OptionDoc, ...]:
    """The options in the CLI's order: the input members, ``--cli-input-json``,
    the paging options, ``--generate-cli-skeleton``; where the output goes to
    a file, the members, the paging options and ``outfile``.

    The paging options replace and shadow members as ``cli_options.Paging`` says."""
    paging = cli_options.operation_paging(service, operation)
    replaced = paging.replaced if paging else frozenset()
    members = service.shape(operation.input).members if operation.input else ()
    table: dict[str, OptionDoc | None] = {
        member.cli_name: None if member.name in replaced else _model_option(service, member, cli)
        for member in members
    }
    if not operation.streaming_output:
        table["cli-input-json"] = _cli_option(cli.input_document_option)
    limit_key = operation.paginator.limit_key if operation.paginator else ""
    limit = next((member for member in members if limit_key and member.name == limit_key), None)
    for option in paging.options if paging else ():
        # The page size is the limit key's value, with its limits.
        limits = _constraints(service.shape(limit.target), cli) if limit and option.name == "--page-size" else ()
        table[option.name.removeprefix("--")] = _cli_option(option, limits)
    if operation.streaming_output:
        # The output goes to a file: no JSON input or skeleton, an ``outfile`` instead.
        table["outfile"] = OptionDoc(
            names=("outfile",),
            synopsis="<outfile>",
            type_name="string",
            documentation=cli_options.OUTFILE_DOCUMENTATION,
            marker=cli.required_marker,
        )
    else:
        table["generate-cli-skeleton"] = _cli_option(cli.skeleton_option)
    return tuple(option for option in table.values() if option is not None)


def _all_documentation(members: tuple[MemberDoc, ...]) -> Iterator[str]:
    for member in members:
        yield member.documentation
        yield from _all_documentation(member.children)


def _link_targets(documents: Iterator[str]) -> tuple[tuple[str, str], ...]:
    """Links written without a title, which the CLI defines at the page's end."""
    targets: dict[str, str] = {}
    for html in documents:
        targets.update(convert(html).link_targets)
    return tuple(targets.items())


def _command_page(
    service: Service,
    operation: Operation,
    lineage: tuple[str, ...],
    documentation: str,
    output_shape_name: str | None,
    cli: CliVersion,
    examples: tuple[ExampleDoc, ...] = (),
) -> OperationPage:
    page_options = options(service, operation, cli)
    output_shape = service.shape(output_shape_name) if output_shape_name else None
    output = (
        tuple(_children(service, output_shape, [], cli, marks_required=False)) if output_shape is not None else ()
    )

    def documents() -> Iterator[str]:
        yield documentation
        for option in page_options:
            yield option.documentation
            yield from _all_documentation(option.members)
        yield from _all_documentation(output)

    return OperationPage(
        parents=_crumbs(lineage[:-1]),
        label=_label(lineage),
        name=lineage[-1],
        documentation=documentation,
        crosslink=(
            f"https://docs.aws.amazon.com/goto/WebAPI/{service.uid}/{operation.name}" if service.uid else ""
        ),
        uses_documents=_uses_documents(service, operation.input)
        or _uses_documents(service, output_shape_name),
        paginated=operation.paginator is not None,
        result_keys=operation.paginator.result_keys if operation.paginator else (),
        options=page_options,
        output=output,
        link_targets=_link_targets(documents()),
        examples=examples,
    )


def _cli_name(service: Service) -> str:
    return service.cli_name or service.name


def operation_page(service: Service, operation: Operation, cli: CliVersion) -> OperationPage:
    lineage = (_cli_name(service), operation.cli_name)
    examples = tuple(example_docs(service, operation))
    return _command_page(service, operation, lineage, operation.documentation, operation.output, cli, examples)


def waiter_page(service: Service, waiter: Waiter, cli: CliVersion) -> OperationPage:
    """The CLI documents a waiter as the operation it polls, under the waiter's
    name and description, and without output (a waiter prints nothing)."""
    lineage = (_cli_name(service), "wait", waiter.cli_name)
    operation = service.operation(waiter.operation)
    return _command_page(service, operation, lineage, waiter_description(waiter), None, cli)


def _polls_deprecated(service: Service, waiter: Waiter) -> bool:
    # The CLI leaves a waiter of a deprecated operation unlisted, as the operation.
    return service.operation(waiter.operation).deprecated


def service_page(service: Service, operations: Sequence[Operation], waiters: Sequence[Waiter]) -> GroupPage:
    # The CLI sorts its commands by name; a group's entry is its index page.
    commands = {
        operation.cli_name: operation.cli_name for operation in operations if not operation.deprecated
    }
    if waiters:
        commands["wait"] = "wait/index"
    unlisted = [operation.cli_name for operation in operations if operation.deprecated]
    unlisted += [f"wait/{waiter.cli_name}" for waiter in waiters if _polls_deprecated(service, waiter)]
    return GroupPage(
        parents=(),
        label=_label([_cli_name(service)]),
        name=_cli_name(service),
        documentation=service.documentation,
        description="",
        entries=tuple(commands[name] for name in sorted(commands)),
        unlisted=tuple(sorted(unlisted)),
        link_targets=_link_targets(iter([service.documentation])),
    )


def wait_page(service: Service, waiters: Sequence[Waiter]) -> GroupPage:
    lineage = (_cli_name(service), "wait")
    return GroupPage(
        parents=_crumbs(lineage[:-1]),
        label=_label(lineage),
        name="wait",
        documentation="",
        description=WAIT_DESCRIPTION,
        entries=tuple(sorted(w.cli_name for w in waiters if not _polls_deprecated(service, w))),
        # Listed on the service's unlisted page.
        unlisted=(),
        link_targets=(),
    )


def rendered_waiters(service: Service, operations: Sequence[Operation]) -> tuple[Waiter, ...]:
    """The waiters of the rendered operations (all of them for a whole service)."""
    names = {operation.name for operation in operations}
    return tuple(waiter for waiter in service.waiters if waiter.operation in names)
