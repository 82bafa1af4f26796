"""``validate(params)`` (strict=False) against botocore's ParamValidator on
generated valid and broken documents: same verdict, same message lines."""

import pytest
from botocore.model import ServiceModel
from botocore.validate import ParamValidator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.generate import load
from generator.ir import Service, Shape
from generator.loader import load_service

from .documents import full_document
from .modeldata import minimal_document
from .trees import operation_module

SERVICES = ("ecr", "dynamodb", "kms", "rds-data", "verifiedpermissions", "sts")
WRONG = st.one_of(st.none(), st.integers(-3, 3), st.floats(allow_nan=False), st.text(max_size=3),
                  st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))


def values(service: Service, shape: Shape, depth: int) -> st.SearchStrategy:
    """Values for ``shape``: mostly of the right type, around its minimums,
    sometimes of a wrong type, with missing and unknown members."""
    return st.one_of(_right(service, shape, depth), _right(service, shape, depth), WRONG)


def _right(service: Service, shape: Shape, depth: int) -> st.SearchStrategy:
    low = shape.constraints.min
    if shape.type == "structure":
        if shape.document:
            return st.recursive(st.one_of(st.text(max_size=2), st.integers(), st.booleans()),
                                lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=2), inner, max_size=2),
                                max_leaves=4)
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


def _module(name: str, operation):
    return operation_module(name, operation)


def _botocore(model: ServiceModel, operation, document) -> list[str]:
    shape = model.operation_model(operation.name).input_shape
    if shape is None:
        return []
    report = ParamValidator().validate(document, shape).generate_report()
    return report.split("\n") if report else []


@pytest.mark.parametrize("name", SERVICES)
def test_model_documents_agree(name):
    service = load(name)
    model = ServiceModel(load_service(name).model, name)
    for operation in service.operations:
        module = _module(name, operation)
        for document in (minimal_document(service, operation.input), full_document(service, operation.input), {}):
            assert module.validate(document) == _botocore(model, operation, document), operation.name


@pytest.mark.parametrize("name", SERVICES)
def test_generated_documents_agree(name):
    service = load(name)
    model = ServiceModel(load_service(name).model, name)
    operations = [op for op in service.operations if op.input]

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data):
        operation = data.draw(st.sampled_from(operations))
        document = data.draw(_right(service, service.shape(operation.input), 3))
        assert _module(name, operation).validate(document) == _botocore(model, operation, document)

    check()
