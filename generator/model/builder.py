"""Raw service model (plain JSON data) -> the immutable IR in ``ir.py``."""

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from generator.errors import InputError

from .ir import Acceptor, Constraints, Example, Member, Operation, Paginator, Service, Shape, Waiter, freeze
from .loader import RawService
from .names import operation_name, python_identifier, split_name

# Operation names become file and module names; the CLI's are all of this form.
_OPERATION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_SERVICE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

# Operations whose output the AWS CLI writes to an ``outfile`` argument by a
# hand-written rule, though their payload is an event stream, not a blob.
CLI_OUTFILE_OPERATIONS = {"s3": frozenset({"SelectObjectContent"})}

# The AWS CLI's own names for these services; every other command is the
# service's botocore name. (``aws s3`` is the CLI's hand-written file commands.)
CLI_SERVICE_NAMES = {"s3": "s3api", "config": "configservice", "codedeploy": "deploy"}

_SHAPE_TYPES = frozenset(
    {
        "structure",
        "list",
        "map",
        "string",
        "integer",
        "long",
        "float",
        "double",
        "boolean",
        "timestamp",
        "blob",
        "byte",
        "short",
        "bigdecimal",
        "biginteger",
    }
)


def build_ir(raw: RawService) -> Service:
    model = raw.model
    where = f"model of service {raw.name!r}"
    if not _SERVICE_NAME.fullmatch(raw.name):
        raise InputError(f"service name {raw.name!r} is not usable as a folder name")
    metadata = _mapping(model, "metadata", where)
    raw_shapes = _with_member_traits(_mapping(model, "shapes", where))
    raw_operations = _mapping(model, "operations", where)
    for name in raw.examples:
        if name not in raw_operations:
            raise InputError(f"the examples model of service {raw.name!r} has examples of unknown operation {name!r}")
    shapes = {name: _shape(name, data, raw_shapes) for name, data in sorted(raw_shapes.items())}
    paginators = raw.paginators
    outfile_operations = CLI_OUTFILE_OPERATIONS.get(raw.name, frozenset())
    operations = tuple(
        _operation(name, raw_operations[name], shapes, paginators.get(name), outfile_operations, raw.examples.get(name))
        for name in sorted(raw_operations)
    )
    return Service(
        name=raw.name,
        api_version=raw.api_version,
        protocol=str(metadata.get("protocol", "")),
        full_name=str(metadata.get("serviceFullName", raw.name)),
        service_id=str(metadata.get("serviceId", "")),
        documentation=str(model.get("documentation", "")),
        operations=operations,
        shapes=MappingProxyType(shapes),
        uid=str(metadata.get("uid", "")),
        cli_name=CLI_SERVICE_NAMES.get(raw.name, raw.name),
        waiters=tuple(_waiter(name, raw.waiters[name], raw_operations) for name in sorted(raw.waiters)),
        endpoint_prefix=str(metadata.get("endpointPrefix", "")),
    )


def _mapping(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: {key!r} is missing or not an object")
    return value


# Shape traits a member reference may carry. botocore lays them over the target
# shape for that member alone (apigatewayv2's ExportApi sets ``enum`` on two
# ``__string`` members): such a member gets a shape of its own.
_SHAPE_TRAITS_ON_REFERENCES = ("enum", "min", "max", "pattern")


def _with_member_traits(raw_shapes: Mapping[str, Any]) -> Mapping[str, Any]:
    """``raw_shapes`` where each member reference carrying shape traits points
    to a copy of its target with those traits, named ``target(owner.member)``."""
    extra: dict[str, Any] = {}
    for owner, data in raw_shapes.items():
        members = data.get("members") if isinstance(data, Mapping) else None
        if not isinstance(members, Mapping):
            continue
        rewritten = {}
        for member, ref in members.items():
            target = ref.get("shape") if isinstance(ref, Mapping) else None
            if not isinstance(target, str) or not isinstance(raw_shapes.get(target), Mapping):
                continue  # _member reports it
            traits = {key: ref[key] for key in _SHAPE_TRAITS_ON_REFERENCES if key in ref}
            if traits:
                name = f"{ref['shape']}({owner}.{member})"
                extra[name] = {**raw_shapes[ref["shape"]], **traits}
                rewritten[member] = {**ref, "shape": name}
        if rewritten:  # in the model's member order
            extra[owner] = {**data, "members": {**members, **rewritten}}
    return {**raw_shapes, **extra} if extra else raw_shapes


def _member(name: str, ref: Any, raw_shapes: Mapping[str, Any], where: str, required: bool = False) -> Member:
    if not isinstance(ref, Mapping) or not isinstance(ref.get("shape"), str):
        raise InputError(f"{where}: member {name!r} has no shape reference")
    target = ref["shape"]
    if target not in raw_shapes:
        raise InputError(f"{where}: member {name!r} refers to unknown shape {target!r}")
    return Member(
        name=name,
        target=target,
        documentation=str(ref.get("documentation", "")),
        required=required,
        deprecated=bool(ref.get("deprecated", False)),
        deprecated_message=str(ref.get("deprecatedMessage", "")),
        location=str(ref.get("location", "")),
        location_name=str(ref.get("locationName", "")),
        idempotency_token=bool(ref.get("idempotencyToken", False)),
        json_value=bool(ref.get("jsonvalue", False)),
        host_label=bool(ref.get("hostLabel", False)),
        event_payload=bool(ref.get("eventpayload", False)),
        streaming=bool(ref.get("streaming", False)),
        cli_name=split_name(name, "-"),
        py_name=python_identifier(name),
    )


def _shape(name: str, data: Any, raw_shapes: Mapping[str, Any]) -> Shape:
    where = f"shape {name!r}"
    if not isinstance(data, Mapping):
        raise InputError(f"{where} is not an object")
    type_name = data.get("type")
    if type_name not in _SHAPE_TYPES:
        raise InputError(f"{where} has unsupported type {type_name!r}")
    members: tuple[Member, ...] = ()
    required_order: tuple[str, ...] = ()
    element = key = value = None
    if type_name == "structure":
        raw_members = data.get("members", {})
        if not isinstance(raw_members, Mapping):
            raise InputError(f"{where}: 'members' is not an object")
        required = set(data.get("required", ()))
        members = tuple(
            _member(member_name, ref, raw_shapes, where, member_name in required)
            for member_name, ref in raw_members.items()
        )
        required_order = tuple(dict.fromkeys(n for n in data.get("required", ()) if n in raw_members))
    elif type_name == "list":
        element = _member("member", data.get("member"), raw_shapes, where)
    elif type_name == "map":
        key = _member("key", data.get("key"), raw_shapes, where)
        value = _member("value", data.get("value"), raw_shapes, where)
    enum = data.get("enum", ())
    return Shape(
        name=name,
        type=type_name,
        documentation=str(data.get("documentation", "")),
        constraints=Constraints(
            min=data.get("min"),
            max=data.get("max"),
            pattern=data.get("pattern"),
            enum=tuple(str(item) for item in enum),
        ),
        members=members,
        member=element,
        key=key,
        value=value,
        union=bool(data.get("union", False)),
        document=bool(data.get("document", False)),
        streaming=bool(data.get("streaming", False)),
        event_stream=bool(data.get("eventstream", False)),
        event=bool(data.get("event", False)),
        exception=bool(data.get("exception", False)),
        sensitive=bool(data.get("sensitive", False)),
        deprecated=bool(data.get("deprecated", False)),
        deprecated_message=str(data.get("deprecatedMessage", "")),
        timestamp_format=str(data.get("timestampFormat", "")),
        payload=str(data.get("payload", "")),
        required_order=required_order,
    )


def _shape_ref(op_name: str, data: Mapping[str, Any], key: str, shapes: Mapping[str, Shape]) -> str | None:
    ref = data.get(key)
    if ref is None:
        return None
    target = ref.get("shape") if isinstance(ref, Mapping) else None
    if target not in shapes:
        raise InputError(f"operation {op_name!r}: {key} refers to unknown shape {target!r}")
    return target


def _has_blob_payload(shape_name: str | None, shapes: Mapping[str, Shape]) -> bool:
    """The body is one blob member: the CLI streams it (to ``outfile`` on output)."""
    if shape_name is None:
        return False
    shape = shapes[shape_name]
    if not shape.payload:
        return False
    payload = next((m for m in shape.members if m.name == shape.payload), None)
    return payload is not None and shapes[payload.target].type == "blob"


def _tokens(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def _paginator(data: Mapping[str, Any] | None) -> Paginator | None:
    if not data:
        return None
    return Paginator(
        input_tokens=_tokens(data.get("input_token")),
        output_tokens=_tokens(data.get("output_token")),
        limit_key=str(data.get("limit_key", "")),
        result_keys=_tokens(data.get("result_key")),
        more_results=str(data.get("more_results", "")),
        non_aggregate_keys=_tokens(data.get("non_aggregate_keys")),
    )


def _operation(
    name: str,
    data: Any,
    shapes: Mapping[str, Shape],
    paginator: Any,
    outfile_operations: frozenset[str],
    examples: Any,
) -> Operation:
    if not isinstance(data, Mapping):
        raise InputError(f"operation {name!r} is not an object")
    if not _OPERATION_NAME.fullmatch(name):
        raise InputError(f"operation name {name!r} is not a plain identifier (letters, digits, '_')")
    http = data.get("http", {}) if isinstance(data.get("http"), Mapping) else {}
    input_shape = _shape_ref(name, data, "input", shapes)
    output_shape = _shape_ref(name, data, "output", shapes)
    return Operation(
        name=name,
        cli_name=operation_name(name, "-"),
        py_name=operation_name(name, "_"),
        input=input_shape,
        output=output_shape,
        documentation=str(data.get("documentation", "")),
        deprecated=bool(data.get("deprecated", False)),
        deprecated_message=str(data.get("deprecatedMessage", "")),
        errors=tuple(
            ref["shape"] for ref in data.get("errors", ()) if isinstance(ref, Mapping) and "shape" in ref
        ),
        http_method=str(http.get("method", "")),
        http_uri=str(http.get("requestUri", "")),
        paginator=_paginator(paginator),
        streaming_output=_has_blob_payload(output_shape, shapes) or name in outfile_operations,
        streaming_input=_has_blob_payload(input_shape, shapes),
        examples=_examples(name, examples),
    )


def _examples(operation: str, data: Any) -> tuple[Example, ...]:
    where = f"the examples of operation {operation!r}"
    if data is None:
        return ()
    if not isinstance(data, list):
        raise InputError(f"{where} are not a list")
    examples = []
    for example in data:
        if not isinstance(example, Mapping):
            raise InputError(f"{where}: an example is not an object")
        values = {key: example.get(key) or {} for key in ("input", "output")}
        for key, value in values.items():
            if not isinstance(value, Mapping):
                raise InputError(f"{where}: an example's {key!r} is not an object")
        title, description = example.get("title", ""), example.get("description", "")
        examples.append(
            Example(
                title=title if isinstance(title, str) else "",
                description=description if isinstance(description, str) else "",
                input=freeze(values["input"]),
                output=freeze(values["output"]),
            )
        )
    return tuple(examples)


# Waiters ------------------------------------------------------------------

# The matchers botocore knows; it refuses a waiter model with any other.
_MATCHERS = frozenset({"path", "pathAll", "pathAny", "status", "error"})


def _number(data: Mapping[str, Any], key: str, where: str) -> int | float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{where}: {key!r} is missing or not a number")
    return value


def _acceptor(data: Any, where: str) -> Acceptor:
    if not isinstance(data, Mapping):
        raise InputError(f"{where}: an acceptor is not an object")
    state, matcher, expected = data.get("state"), data.get("matcher"), data.get("expected")
    if not isinstance(state, str):
        raise InputError(f"{where}: an acceptor has no 'state'")
    if matcher not in _MATCHERS:
        raise InputError(f"{where}: unknown acceptor matcher {matcher!r}")
    if expected is not None and not isinstance(expected, (str, int, float, bool)):
        raise InputError(f"{where}: an acceptor's 'expected' is not a string, number or boolean")
    argument = data.get("argument", "")
    return Acceptor(
        state=state,
        matcher=matcher,
        expected=expected,
        argument=argument if isinstance(argument, str) else "",
    )


def _waiter(name: str, data: Any, raw_operations: Mapping[str, Any]) -> Waiter:
    where = f"waiter {name!r}"
    if not isinstance(data, Mapping):
        raise InputError(f"{where} is not an object")
    # Waiter names become file names, as operation names do.
    if not _OPERATION_NAME.fullmatch(name):
        raise InputError(f"{where}: the name is not a plain identifier (letters, digits, '_')")
    operation = data.get("operation")
    if not isinstance(operation, str) or operation not in raw_operations:
        raise InputError(f"{where} polls unknown operation {operation!r}")
    acceptors = data.get("acceptors", ())
    if not isinstance(acceptors, list):
        raise InputError(f"{where}: 'acceptors' is not a list")
    description = data.get("description", "")
    return Waiter(
        name=name,
        cli_name=split_name(name, "-"),
        operation=operation,
        delay=_number(data, "delay", where),
        max_attempts=_number(data, "maxAttempts", where),
        description=description if isinstance(description, str) else "",
        acceptors=tuple(_acceptor(acceptor, where) for acceptor in acceptors),
    )
