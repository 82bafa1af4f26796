"""The options whose values awscli takes literally (``generator/clirules/
literal_values.py``) against the installed awscli: the record entry by entry,
the service names its events use, the commands each entry reaches, and for
each of those a URL value and a ``file://`` value parsed as awscli parses them."""

import functools
import json

import pytest

from generator.clirules.literal_values import (
    AWSCLI_RELEASE,
    EVENT_SERVICES,
    LITERAL_OPTIONS,
    entries,
    event_service,
)
from generator.clirules.customisations import rules
from generator.model.ir import Service
from generator.pipeline.service import load

from .support.argv import run_ours
from .support.capture import capture_aws
from .support.modeldata import minimal_document
from .support.oracle import event_names, operation_argument_names
from .support.trees import operations_package
from .support.urlserver import serving, without_proxies


def _awscli_entries() -> set[tuple[str, ...]]:
    import awscli.clidriver  # noqa: F401  (awscli.paramfile imports only after the driver)
    from awscli.paramfile import PARAMFILE_DISABLED

    return {tuple(entry.split(".")) for entry in PARAMFILE_DISABLED}


@functools.cache
def _endpoint_prefixes() -> dict[str, str]:
    """botocore service -> its endpoint prefix, for every service botocore has."""
    from botocore.session import get_session

    session = get_session()
    loader = session.get_component("data_loader")
    return {
        name: loader.load_service_model(name, "service-2")["metadata"]["endpointPrefix"]
        for name in session.get_available_services()
    }


@functools.cache
def _awscli_event_names() -> dict[str, str]:
    return event_names(sorted(set(_endpoint_prefixes().values())))


def test_the_record_is_the_installed_awscli_s():
    import awscli

    assert awscli.__version__ == AWSCLI_RELEASE, "a new awscli: compare its list and update the record"
    ours, theirs = entries(), _awscli_entries()
    assert all(len(entry) == 3 for entry in theirs)
    assert not theirs - ours, f"awscli has entries we lack: {sorted(theirs - ours)}"
    assert not ours - theirs, f"we have entries awscli lacks: {sorted(ours - theirs)}"


def test_every_service_has_the_event_name_awscli_gives_it():
    """Where either side names a service as an entry does, both name it alike."""
    theirs = _awscli_event_names()
    used = set(LITERAL_OPTIONS)
    checked = 0
    for name, prefix in _endpoint_prefixes().items():
        if event_service(prefix) in used or theirs[prefix] in used:
            assert event_service(prefix) == theirs[prefix], name
            checked += 1
    assert checked >= len(used) - 1  # every service name but "custom" belongs to a service
    # No stale renaming: each names a real prefix as awscli does.
    for prefix, event in EVENT_SERVICES.items():
        assert theirs.get(prefix) == event, prefix


def _member_of(service: Service, operation_name: str, option: str):
    """The operation and member whose option (as the CLI names it, renames included) is ``option``."""
    for operation in service.operations:
        if operation.cli_name == operation_name and operation.input:
            renamed = rules(service.name, operation.name).renamed
            for member in service.shape(operation.input).members:
                if renamed.get(member.name, f"--{member.cli_name}") == f"--{option}":
                    return operation, member
    return None


def _reached(entry: tuple[str, str, str]) -> tuple[set[str], set[str], dict]:
    """The services whose command the entry reaches, by our IR and by awscli's
    argument tables, and our (operation, member) in each we reach."""
    event, operation_name, option = entry
    theirs_events = _awscli_event_names()
    ours: dict = {}
    theirs: set[str] = set()
    for name, prefix in sorted(_endpoint_prefixes().items()):
        if event_service(prefix) == event:
            service = load(name)
            found = _member_of(service, operation_name, option)
            if found is not None:
                ours[name] = (service, *found)
        if theirs_events[prefix] == event:
            cli_name = load(name).cli_name or name
            arguments = operation_argument_names(cli_name, operation_name)
            if arguments is not None and option in arguments:
                theirs.add(name)
    return set(ours), theirs, ours


@pytest.fixture(scope="module")
def base():
    with without_proxies(), serving() as url:
        yield url


@pytest.fixture(scope="module")
def text_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("literal") / "value.txt"
    path.write_text("from a file\n")
    return path


def _entry_params():
    for entry in sorted(entries()):
        yield pytest.param(entry, id=".".join(entry))


@pytest.mark.parametrize("entry", list(_entry_params()))
def test_an_entry_reaches_what_it_reaches_in_awscli_and_keeps_values_literal(entry, base, text_file):
    ours, theirs, found = _reached(entry)
    assert ours == theirs, entry
    if entry[0] == "custom":
        # awscli's hand-written commands (s3 cp, cloudformation deploy): no
        # service's events carry that name, so no generated parser is reached.
        assert not ours
    for name in sorted(ours):
        service, operation, member = found[name]
        package = operations_package(name, (operation.name,))
        document = minimal_document(service, operation.input)
        document.pop(member.name, None)
        head = ["--cli-input-json", json.dumps(document)] if document else []
        for value in (base + "/body", f"file://{text_file}"):
            argv = [*head, f"--{entry[2]}", value]
            their = capture_aws([service.cli_name or name, operation.cli_name, *argv])
            our = run_ours(package, operation, argv)
            assert their.exit_code == 0, (name, argv, their.stderr)
            assert our.exit_code == their.exit_code, (name, argv, our.stderr)
            assert our.params == their.params, (name, argv)
            # Taken as it is: neither fetched nor read.
            assert their.params[member.name] in (value, [value]), (name, argv)
