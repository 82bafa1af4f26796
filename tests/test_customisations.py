"""The table of the AWS CLI's argument customisations against the awscli the
tests install, both ways (nothing missing, nothing stale), and the parsers
that follow it against awscli on the command lines each entry changes."""

import collections
import json
import shlex

import pytest
from botocore.session import get_session

from generator.clirules import customisations as table
from generator.pipeline.service import load

from .support.cli_customisations import (
    MODEL_ARGUMENTS,
    STANDARD_ARGUMENTS,
    Argument,
    arguments,
    bare_word_list_accepted,
)
from .support.customised_lines import CASES, FILES
from .support.documents import full_document
from .support.oracle import cli_service
from .support.real_usage import Case, difference, generate_for, model_name

#: awscli's classes for ec2's single-Value boolean flags.
VALUE_FLAG_ARGUMENTS = frozenset({"PositiveBooleanArgument", "NegativeBooleanParameter"})


@pytest.fixture(scope="module")
def cli() -> list[Argument]:
    """Every argument of every model-driven command awscli has."""
    return list(arguments())


def _by_command(cli: list[Argument]) -> dict[tuple[str, str], list[Argument]]:
    commands: dict[tuple[str, str], list[Argument]] = collections.defaultdict(list)
    for argument in cli:
        commands[(argument.service, argument.operation)].append(argument)
    return commands


def test_renamed_options_and_second_names_are_awscli_s(cli):
    renamed, aliases = {}, {}
    for (service, operation), found in _by_command(cli).items():
        options = {argument.option: argument for argument in found}
        for argument in found:
            if argument.kind not in MODEL_ARGUMENTS or argument.negative or argument.member is None:
                continue
            if argument.option == argument.model_option:
                continue
            key = (service, operation, argument.member)
            if argument.model_option in options:
                assert argument.undocumented or options[argument.model_option].undocumented, argument
                aliases[key] = argument.option
            else:
                renamed[key] = argument.option
    assert {(r.service, r.operation, r.member): r.option for r in table.RENAMED} == renamed
    assert {(a.service, a.operation, a.member): a.option for a in table.ALIASES} == aliases


def test_renamed_negative_flags_are_awscli_s(cli):
    found = {
        (a.service, a.operation, a.member): a.option
        for a in cli
        if a.kind == "BooleanArgument" and a.negative and a.option != "--no-" + a.model_option[2:]
    }
    assert {(r.service, r.operation, r.member): r.option for r in table.NEGATIVE_RENAMED} == found


def _single_value_booleans(service: str) -> set[tuple[str, str]]:
    """(operation, member) of every top-level structure of one boolean ``Value``."""
    model = get_session().get_service_model(service)
    found = set()
    for name in model.operation_names:
        shape = model.operation_model(name).input_shape
        for member, target in (shape.members if shape else {}).items():
            inner = getattr(target, "members", {})
            if (
                target.type_name == "structure"
                and list(inner) == ["Value"]
                and inner["Value"].type_name == "boolean"
            ):
                found.add((name, member))
    return found


def test_the_value_flag_rule_gives_awscli_s_flags(cli):
    awscli = {(a.service, a.operation, a.member) for a in cli if a.kind in VALUE_FLAG_ARGUMENTS}
    ours = {
        (rule.service, *key) for rule in table.VALUE_FLAGS for key in _single_value_booleans(rule.service)
    }
    assert ours == awscli


def _added_options(added: table.Added) -> set[str]:
    return {added.option, "--no-" + added.option[2:]} if added.takes == "flag" else {added.option}


def test_every_added_option_is_reproduced_or_listed(cli):
    """Options awscli adds, or model members it takes over with its own
    classes: each is in ADDED, or its command is in NOT_REPRODUCED."""
    reproduced = {(a.service, a.operation) for a in table.ADDED}
    awscli = {
        (a.service, a.operation, a.option)
        for a in cli
        if a.kind not in MODEL_ARGUMENTS | STANDARD_ARGUMENTS | VALUE_FLAG_ARGUMENTS
        # a model member awscli reads with a class of its own, next to an added option
        and not (a.option == a.model_option and (a.service, a.operation) in reproduced)
    }
    ours = {(a.service, a.operation, option) for a in table.ADDED for option in _added_options(a)}
    listed = {(entry.service, entry.operation) for entry in table.NOT_REPRODUCED}
    assert ours <= awscli, "stale: " + repr(sorted(ours - awscli))
    missing = {key for key in awscli - ours if key[:2] not in listed}
    assert not missing, "neither reproduced nor listed: " + repr(sorted(missing))
    changed = {key[:2] for key in awscli}
    assert listed <= changed, "listed but awscli does not change them: " + repr(sorted(listed - changed))


def test_replaced_members_are_gone_from_awscli_s_command(cli):
    commands = _by_command(cli)
    for added in table.ADDED:
        members = {a.member for a in commands[(added.service, added.operation)] if a.kind in MODEL_ARGUMENTS}
        assert not set(added.replaces) & members, added


def _bare_word_candidates() -> list[tuple[str, str, str, str]]:
    """(service, operation, member, inner member) of every top-level list of
    structures of one scalar member, in the services the table names and in
    a few others that have such lists."""
    services = sorted({entry.service for entry in table.BARE_WORD_LISTS} | {"ec2", "route53", "iam"})
    found = []
    for name in services:
        model = get_session().get_service_model(name)
        for operation in model.operation_names:
            shape = model.operation_model(operation).input_shape
            for member, target in (shape.members if shape else {}).items():
                element = getattr(target, "member", None)
                inner = getattr(element, "members", {})
                if target.type_name == "list" and element.type_name == "structure" and len(inner) == 1:
                    ((inner_name, inner_shape),) = inner.items()
                    if inner_shape.type_name in ("string", "blob"):
                        found.append((name, operation, member, inner_name))
    return found


def test_bare_word_lists_are_awscli_s():
    from .support.argv import document_argv
    from .support.modeldata import minimal_document

    accepted = set()
    for service_name, operation_name, member, inner in _bare_word_candidates():
        service = load(service_name)
        operation = service.operation(operation_name)
        option = next(m.cli_name for m in service.shape(operation.input).members if m.name == member)
        document = {k: v for k, v in minimal_document(service, operation.input).items() if k != member}
        argv = [service.cli_name, operation.cli_name, *document_argv(service, operation, document, "json")]
        if bare_word_list_accepted([*argv, f"--{option}", "word-1"], member, inner):
            accepted.add((service_name, operation_name, member))
    assert {(b.service, b.operation, b.member) for b in table.BARE_WORD_LISTS} == accepted


def _one_member_lines() -> list[str]:
    """For each operation whose page size awscli sets, a command line per input
    member giving just that member (in ``--cli-input-json``): which members
    leave the page size unset is awscli's to say, member by member."""
    lines = []
    for entry in table.PAGE_SIZE_DEFAULTS:
        service = load(entry.service)
        operation = next(op for op in service.operations if op.name == entry.operation)
        document = full_document(service, operation.input)
        for member, value in document.items():
            lines.append(
                f"aws {service.cli_name} {operation.cli_name} --cli-input-json "
                + shlex.quote(json.dumps({member: value}))
            )
    return lines


def test_page_size_defaults_are_the_operations_awscli_sets_it_for():
    """The commands awscli hooks when it calls their operation, beyond its
    check of the paging options that every paged command has, are the table's."""
    hooked = {
        tuple(event.split(".")[1:])
        for event, handler in cli_service("ec2").hooks
        if event.startswith("calling-command.")
        and len(event.split(".")) == 3
        and "*" not in event
        and handler != "check_should_enable_pagination_call_parameters"
    }
    ours = set()
    for entry in table.PAGE_SIZE_DEFAULTS:
        service = load(entry.service)
        operation = next(op for op in service.operations if op.name == entry.operation)
        ours.add((service.cli_name, operation.cli_name))
    assert hooked == ours


def test_zip_archive_members_are_the_ones_awscli_checks():
    """awscli checks a model member's value with a hook of its own (registered
    for every service when its driver starts) only where the table says the
    member takes a zip archive."""
    hooked = {
        tuple(event.split(".")[1:])
        for event, _ in cli_service("lambda").hooks
        if event.startswith("process-cli-arg.") and len(event.split(".")) == 3 and "*" not in event
    }
    ours = set()
    for entry in table.ZIP_ARCHIVES:
        service = load(entry.service)
        operation = next(op for op in service.operations if op.name == entry.operation)
        assert entry.member in {member.name for member in service.shapes[operation.input].members}, entry
        ours.add((service.cli_name, operation.cli_name))
    assert hooked == ours


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, str]:
    lines = [line for lines in CASES.values() for line in lines] + _one_member_lines()
    cases = [Case(line, "test", FILES) for line in lines]
    return generate_for(cases, tmp_path_factory.mktemp("customised") / "customised_tree")


@pytest.mark.parametrize("line", [line for lines in CASES.values() for line in lines] + _one_member_lines())
def test_customised_command_lines_agree_with_awscli(line, trees):
    case = Case(line, "test", FILES)
    service = load(model_name(case.service))
    operation = next(op for op in service.operations if op.cli_name == case.operation)
    assert difference(case, trees[service.name], operation) is None
