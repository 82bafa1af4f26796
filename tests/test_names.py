"""CLI names against botocore's own ``xform_name``, over every model name."""

import pytest
from botocore import xform_name
from botocore.loaders import Loader

from generator.model.names import operation_name, python_identifier, split_name


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


def test_service_command_names_match_the_cli_command_table():
    import os
    from unittest import mock

    from awscli.clidriver import create_clidriver

    from generator.model.builder import CLI_SERVICE_NAMES

    from .support.oracle import ORACLE_ENV

    with mock.patch.dict(os.environ, ORACLE_ENV):
        commands = create_clidriver()._get_command_table()
    services = Loader().list_available_services("service-2")
    # Every service is reachable under our name for it, and each rename is
    # needed: the botocore name is no model-driven command there.
    for service in services:
        assert CLI_SERVICE_NAMES.get(service, service) in commands, service
    for service, command in CLI_SERVICE_NAMES.items():
        table = commands.get(service)
        assert table is None or type(table).__name__ != "ServiceCommand", service
        assert type(commands[command]).__name__ == "ServiceCommand"
