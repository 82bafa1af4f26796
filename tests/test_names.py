"""CLI names against botocore's own ``xform_name``, over every model name."""

import pytest
from botocore import xform_name
from botocore.loaders import Loader

from generator.names import operation_name, python_identifier, split_name


@pytest.fixture(scope="module")
def all_names():
    loader = Loader()
    operations, members = set(), set()
    for service in loader.list_available_services("service-2"):
        model = loader.load_service_model(service, "service-2")
        operations.update(model["operations"])
        for shape in model["shapes"].values():
            members.update(shape.get("members", {}))
    return sorted(operations), sorted(members)


@pytest.mark.parametrize("separator", ["-", "_"])
def test_operation_names_match_botocore(all_names, separator):
    operations, _ = all_names
    assert len(operations) > 10000
    mismatches = [
        (name, xform_name(name, separator), operation_name(name, separator))
        for name in operations
        if xform_name(name, separator) != operation_name(name, separator)
    ]
    assert mismatches == []


@pytest.mark.parametrize("separator", ["-", "_"])
def test_member_names_match_botocore(all_names, separator):
    _, members = all_names
    assert len(members) > 30000
    mismatches = [
        (name, xform_name(name, separator), split_name(name, separator))
        for name in members
        if xform_name(name, separator) != split_name(name, separator)
    ]
    assert mismatches == []


@pytest.mark.parametrize(
    "name, expected",
    [
        ("registryId", "registry_id"),
        ("class", "class_"),
        ("2fa", "_2fa"),
        ("a.b/c", "a_b_c"),
        ("Grüße", "gr__e"),
    ],
)
def test_python_identifier_is_an_identifier(name, expected):
    ident = python_identifier(name)
    assert ident == expected
    assert ident.isidentifier()
