"""The intermediate representation: what every artifact is rendered from.

Built once from a raw service model (see ``build_ir``) and never changed
afterwards. Shapes refer to each other by name, so recursive shapes need no
cycles between objects; ``Service.shape(name)`` resolves a reference.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

# Model types the CLI treats as numbers of each kind.
INTEGER_TYPES = frozenset({"integer", "long", "byte", "short"})
FLOAT_TYPES = frozenset({"float", "double"})
#: Every number type, the arbitrary-precision ones included.
NUMBER_TYPES = INTEGER_TYPES | FLOAT_TYPES | {"bigdecimal", "biginteger"}


@dataclass(frozen=True)
class Constraints:
    """Limits from the model: ``min``/``max`` are lengths for strings, lists,
    maps and blobs, and bounds for numbers."""

    min: int | float | None = None
    max: int | float | None = None
    pattern: str | None = None
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    """A reference to a shape, with the traits the model puts on the reference
    (a structure member, a list's member, a map's key or value)."""

    name: str
    target: str
    documentation: str = ""
    required: bool = False
    deprecated: bool = False
    deprecated_message: str = ""
    location: str = ""
    location_name: str = ""
    idempotency_token: bool = False
    json_value: bool = False
    host_label: bool = False
    event_payload: bool = False
    #: The reference marks its blob as streamed (S3's ``Body``).
    streaming: bool = False
    #: ``--registry-id`` without the dashes: the AWS CLI's option name.
    cli_name: str = ""
    #: ``registry_id``: a Python identifier derived from the name.
    py_name: str = ""

    @property
    def json_value_header(self) -> bool:
        """A header member whose string is JSON: JSON on the command line, and
        botocore checks only that it encodes to JSON."""
        return self.json_value and self.location == "header"

    @property
    def cli_required(self) -> bool:
        """Required on the command line. The CLI leaves an idempotency token
        optional: botocore fills in a missing one before it validates."""
        return self.required and not self.idempotency_token


@dataclass(frozen=True)
class Shape:
    name: str
    type: str
    documentation: str = ""
    constraints: Constraints = field(default_factory=Constraints)
    #: Structure members in model order.
    members: tuple[Member, ...] = ()
    #: A list's element reference.
    member: Member | None = None
    key: Member | None = None
    value: Member | None = None
    union: bool = False
    document: bool = False
    streaming: bool = False
    event_stream: bool = False
    event: bool = False
    exception: bool = False
    sensitive: bool = False
    deprecated: bool = False
    deprecated_message: str = ""
    timestamp_format: str = ""
    payload: str = ""
    #: Required members in the model's ``required`` order, which is the order
    #: botocore reports missing ones in (not always the members' order).
    required_order: tuple[str, ...] = ()

    @property
    def required_names(self) -> tuple[str, ...]:
        return self.required_order


@dataclass(frozen=True)
class Paginator:
    input_tokens: tuple[str, ...]
    output_tokens: tuple[str, ...]
    limit_key: str = ""
    result_keys: tuple[str, ...] = ()
    more_results: str = ""
    non_aggregate_keys: tuple[str, ...] = ()


#: A JSON value frozen: objects as read-only mappings, arrays as tuples.
FrozenJson = Any


def freeze(value: Any) -> FrozenJson:
    if isinstance(value, Mapping):
        return MappingProxyType({key: freeze(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(item) for item in value)
    return value


def thaw(value: FrozenJson) -> Any:
    """A frozen JSON value as ``json`` makes them again: dicts and lists."""
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value


@dataclass(frozen=True)
class Example:
    """An example from the model's ``examples-1``: a request and its response."""

    title: str
    description: str
    #: The request's parameters (an object), frozen.
    input: FrozenJson
    #: The response (an object; empty when the example shows none), frozen.
    output: FrozenJson


@dataclass(frozen=True)
class Operation:
    name: str
    #: ``complete-layer-upload``: the AWS CLI's command name.
    cli_name: str
    #: ``complete_layer_upload``: module and function names.
    py_name: str
    input: str | None
    output: str | None
    documentation: str = ""
    deprecated: bool = False
    deprecated_message: str = ""
    errors: tuple[str, ...] = ()
    http_method: str = ""
    http_uri: str = ""
    paginator: Paginator | None = None
    #: The CLI writes the output to an ``outfile`` positional argument (the
    #: output's payload is a blob, or a hand-written CLI rule says so) and
    #: offers no ``--generate-cli-skeleton``.
    streaming_output: bool = False
    streaming_input: bool = False
    #: The model's examples, in its order.
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Acceptor:
    """One rule of a waiter: the state it moves to when its matcher matches."""

    #: ``success``, ``failure`` or ``retry``.
    state: str
    #: ``path``, ``pathAll``, ``pathAny``, ``status`` or ``error``.
    matcher: str
    #: The JSON value the matcher compares with (a string, number or boolean).
    expected: str | int | float | bool | None
    #: The JMESPath expression of the ``path*`` matchers ('' for the others).
    argument: str = ""


@dataclass(frozen=True)
class Waiter:
    """A waiter from the ``waiters-2`` model: polls one operation until an acceptor decides."""

    name: str
    #: ``image-scan-complete``: the AWS CLI's ``wait`` subcommand.
    cli_name: str
    #: The API name of the operation it polls.
    operation: str
    #: Seconds between two polls.
    delay: int | float
    max_attempts: int | float
    description: str = ""
    acceptors: tuple[Acceptor, ...] = ()


@dataclass(frozen=True)
class Service:
    #: botocore's name for the service (``ecr``); output paths use it.
    name: str
    api_version: str
    protocol: str
    full_name: str
    service_id: str
    documentation: str
    operations: tuple[Operation, ...]
    shapes: Mapping[str, Shape] = field(default_factory=lambda: MappingProxyType({}))
    #: ``metadata.uid`` (``ecr-2015-09-21``): names the API reference pages.
    uid: str = ""
    #: The AWS CLI's command for the service: botocore's name, but for the
    #: few the CLI renames (``aws s3api``, ``aws configservice``, ``aws deploy``).
    cli_name: str = ""
    #: The waiters, by name.
    waiters: tuple[Waiter, ...] = ()
    #: ``metadata.endpointPrefix`` (``api.ecr``): the CLI names the service
    #: by it in its events (see ``generator.clirules.literal_values``).
    endpoint_prefix: str = ""

    def shape(self, name: str) -> Shape:
        return self.shapes[name]

    def streamed_blob(self, member: Member) -> bool:
        """The member is a blob streamed to or from the service (S3's ``Body``):
        the reference or its shape says so."""
        target = self.shape(member.target)
        return target.type == "blob" and (member.streaming or target.streaming)

    def reachable(self, root: str | None, *, into_json_values: bool = True) -> tuple[str, ...]:
        """Names of the shapes ``root`` refers to, itself included, sorted.
        ``into_json_values=False`` stops at JSON-value members, whose shape
        documents describe as free JSON."""
        seen: set[str] = set()
        pending = [root] if root else []
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            shape = self.shapes[name]
            refs = [*shape.members, *(ref for ref in (shape.member, shape.key, shape.value) if ref)]
            pending.extend(ref.target for ref in refs if into_json_values or not ref.json_value)
        return tuple(sorted(seen))

    def operation(self, name: str) -> Operation:
        for operation in self.operations:
            if name in (operation.name, operation.cli_name):
                return operation
        raise KeyError(name)


@dataclass(frozen=True)
class ServiceEntry:
    """What cross-service files (indexes, catalogs) need to know of a service."""

    name: str
    full_name: str
    api_version: str
    #: CLI names of the rendered operations, sorted.
    operations: tuple[str, ...]
