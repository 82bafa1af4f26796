"""``validate(params)`` (strict=False) against botocore's ParamValidator on
generated valid and broken documents: same verdict, same message lines."""

import pytest
from botocore.model import ServiceModel
from botocore.validate import ParamValidator
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.model.ir import Service, Shape
from generator.model.loader import load_service
from generator.pipeline.service import load

from .support.documents import full_document
from .support.modeldata import minimal_document
from .support.trees import operation_module, sampled_operations

SERVICES = ("ecr", "dynamodb", "kms", "rds-data", "verifiedpermissions", "sts")
WRONG = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.text(max_size=3),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


def values(service: Service, shape: Shape, depth: int) -> st.SearchStrategy:
    """Values for ``shape``: mostly of the right type, around its minimums,
    sometimes of a wrong type, with missing and unknown members."""
    return st.one_of(_right(service, shape, depth), _right(service, shape, depth), WRONG)


def _right(service: Service, shape: Shape, depth: int) -> st.SearchStrategy:
    low = shape.constraints.min
    if shape.type == "structure":
        if shape.document:
            return st.recursive(
                st.one_of(st.text(max_size=2), st.integers(), st.booleans()),
                lambda inner: st.lists(inner, max_size=2)
                | st.dictionaries(st.text(max_size=2), inner, max_size=2),
                max_leaves=4,
            )
        members = shape.members if depth > 0 else tuple(m for m in shape.members if m.required)
        fields = {m.name: values(service, service.shape(m.target), depth - 1) for m in members}
        extra = st.dictionaries(st.sampled_from(["unknownKey", "Other"]), st.integers(), max_size=1)
        return st.tuples(st.fixed_dictionaries({}, optional=fields), extra, st.booleans()).map(
            lambda parts: {**parts[0], **parts[1]} if parts[2] else parts[0]
        )
    if shape.type == "list":
        element = values(service, service.shape(shape.member.target), depth - 1)
        return st.lists(element, max_size=3 if depth > 0 else 0)
    if shape.type == "map":
        key = st.one_of(st.text(max_size=3), st.integers())
        value = values(service, service.shape(shape.value.target), depth - 1)
        return st.dictionaries(key, value, max_size=2 if depth > 0 else 0)
    if shape.type == "string":
        size = int(low or 0)
        return st.text(min_size=max(size - 1, 0), max_size=size + 1)
    if shape.type in ("integer", "long"):
        base = int(low or 0)
        return st.integers(base - 2, base + 2)
    if shape.type in ("float", "double"):
        return st.floats(allow_nan=False)
    if shape.type == "boolean":
        return st.booleans()
    if shape.type == "blob":
        return st.one_of(st.binary(max_size=3), st.text(max_size=3))
    if shape.type == "timestamp":
        return st.sampled_from(["2020-01-02T03:04:05Z", "1600000000", "not a date", 1600000000, 1.5])
    return st.none()


def _operations(name: str):
    return load(name).operations if name == "ecr" else sampled_operations(name)


def _module(name: str, operation):
    return operation_module(name, operation)


def _botocore(model: ServiceModel, operation, document) -> str:
    """botocore's report: our message lines joined (a value's text may hold a line break)."""
    shape = model.operation_model(operation.name).input_shape
    if shape is None:
        return ""
    try:
        return ParamValidator().validate(document, shape).generate_report()
    except RuntimeError:
        # botocore fails outright on timestamps past any datetime (1e20 seconds);
        # the CLI then exits 255, and ``validate`` calls them invalid.
        assume(False)


@pytest.mark.parametrize("name", SERVICES)
def test_model_documents_agree(name):
    service = load(name)
    model = ServiceModel(load_service(name).model, name)
    for operation in _operations(name):
        module = _module(name, operation)
        for document in (
            minimal_document(service, operation.input),
            full_document(service, operation.input),
            {},
        ):
            assert "\n".join(module.validate(document)) == _botocore(model, operation, document), operation.name


@pytest.mark.parametrize("name", SERVICES)
def test_generated_documents_agree(name):
    service = load(name)
    model = ServiceModel(load_service(name).model, name)
    operations = [op for op in _operations(name) if op.input]

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data):
        operation = data.draw(st.sampled_from(operations))
        document = data.draw(_right(service, service.shape(operation.input), 3))
        assert "\n".join(_module(name, operation).validate(document)) == _botocore(model, operation, document)

    check()


# A small model with every path the compiled validator takes: inline leaf
# rules, lists of scalars and of structures, maps, unions, documents, numbers
# with minimums, timestamps, recursion. Checked in process: no tree to generate.
SYNTHETIC = {
    "metadata": {"apiVersion": "2020-01-01", "protocol": "json", "jsonVersion": "1.1",
                 "endpointPrefix": "synthetic", "serviceId": "Synthetic", "targetPrefix": "Synthetic"},
    "operations": {"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
                          "input": {"shape": "Request"}}},
    "shapes": {
        "Request": {"type": "structure", "required": ["Name", "Items"], "members": {
            "Name": {"shape": "Name"}, "Plain": {"shape": "Plain"}, "Count": {"shape": "Count"},
            "Size": {"shape": "Size"}, "Ratio": {"shape": "Ratio"}, "Flag": {"shape": "Flag"},
            "Data": {"shape": "Data"}, "When": {"shape": "When"}, "Tags": {"shape": "Tags"},
            "Items": {"shape": "Items"}, "Names": {"shape": "Names"}, "Flags": {"shape": "Flags"},
            "Doc": {"shape": "Doc"}, "Choice": {"shape": "Choice"}, "Node": {"shape": "Node"}}},
        "Name": {"type": "string", "min": 2},
        "Plain": {"type": "string"},
        "Count": {"type": "integer", "min": 1},
        "Size": {"type": "long"},
        "Ratio": {"type": "double", "min": 0.5},
        "Flag": {"type": "boolean"},
        "Data": {"type": "blob"},
        "When": {"type": "timestamp"},
        "Tags": {"type": "map", "key": {"shape": "Name"}, "value": {"shape": "Plain"}},
        "Items": {"type": "list", "member": {"shape": "Item"}, "min": 1},
        "Item": {"type": "structure", "required": ["Key"],
                 "members": {"Key": {"shape": "Plain"}, "Size": {"shape": "Size"}, "Sub": {"shape": "Items"}}},
        "Names": {"type": "list", "member": {"shape": "Name"}, "min": 2},
        "Flags": {"type": "list", "member": {"shape": "Flag"}},
        "Doc": {"type": "structure", "members": {}, "document": True},
        "Choice": {"type": "structure", "union": True,
                   "members": {"A": {"shape": "Plain"}, "B": {"shape": "Count"}}},
        "Node": {"type": "structure", "members": {"Next": {"shape": "Node"}, "Label": {"shape": "Name"}}},
    },
}


def test_compiled_validator_agrees_on_every_kind_of_shape():
    from botocore.model import ServiceModel as BotocoreModel

    from generated.ecr._cli import Operation
    from generator.model.builder import build_ir
    from generator.model.loader import RawService
    from generator.python.parser_modules import shape_rows

    service = build_ir(RawService("synthetic", "2020-01-01", SYNTHETIC, {}))
    validate = Operation(
        service="synthetic", cli_name="op", input_shape="Request", shapes=shape_rows(service, "Request"),
        arguments=(), paginator=None, idempotency_tokens=(), input_skeleton="", output_skeleton="",
    ).validate
    shape = BotocoreModel(SYNTHETIC, "synthetic").shape_for("Request")
    documents = st.recursive(
        st.one_of(st.none(), st.text(max_size=2), st.integers(), st.floats(allow_nan=False), st.sets(st.integers(), max_size=1)),
        lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["", ".k", "k"]), inner, max_size=2),
        max_leaves=5,
    )

    requests = _right(service, service.shape("Request"), 3)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data):
        document = data.draw(requests)
        if isinstance(document, dict) and data.draw(st.booleans()):
            document["Doc"] = data.draw(documents)
        try:
            report = ParamValidator().validate(document, shape).generate_report()
        except RuntimeError:
            assume(False)  # timestamps past any datetime: see _botocore
        # Joined: a value's text may hold a line break.
        assert "\n".join(validate(document)) == report

    check()
