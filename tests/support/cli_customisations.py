"""What awscli's argument tables say of its hand-made changes, read from the
awscli the tests install: the facts ``generator/clirules/customisations.py``
must hold, found by introspection and by running it, not from a list.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass
from unittest import mock

from botocore import xform_name

from .capture import capture_aws
from .oracle import ORACLE_ENV, cheap_drivers

#: Argument classes awscli builds from the model's members.
MODEL_ARGUMENTS = frozenset({"CLIArgument", "ListArgument", "BooleanArgument"})
#: Arguments every command of a kind gets (input JSON, skeletons, paging).
STANDARD_ARGUMENTS = frozenset(
    {"CliInputJSONArgument", "GenerateCliSkeletonArgument", "PageArgument", "StreamingOutputArgument"}
)


@dataclass(frozen=True)
class Argument:
    service: str  # the model's name
    operation: str  # the model's name
    option: str  # --name
    kind: str  # awscli's class name
    member: str | None  # the member it sets, when it names one
    #: The member's option as the model names it (None for added options).
    model_option: str | None
    negative: bool  # a boolean's --no- form
    undocumented: bool


def arguments(services: list[str] | None = None) -> Iterator[Argument]:
    """Every argument of every model-driven command of ``services`` (model
    names; all that awscli has when None)."""
    from awscli.clidriver import ServiceOperation, create_clidriver

    with mock.patch.dict(os.environ, ORACLE_ENV), cheap_drivers():
        driver = create_clidriver()
        session = driver.session
        table = driver._get_command_table()
        names = services if services is not None else session.get_available_services()
        for name in names:
            command = table.get(_cli_service_name(name))
            if command is None or not hasattr(command, "_get_command_table"):
                continue
            for key, operation in command._get_command_table().items():
                if type(operation) is not ServiceOperation:  # a hand-written command
                    continue
                operation_model = operation._operation_model
                if key != xform_name(operation_model.name, "-"):  # a command of its own on a model operation
                    continue
                members = operation_model.input_shape.members if operation_model.input_shape else {}
                for option, argument in operation.arg_table.items():
                    found = getattr(argument, "_serialized_name", None)
                    member = found if isinstance(found, str) and found in members else None
                    negative = getattr(argument, "_action", "") == "store_false"
                    yield Argument(
                        service=name,
                        operation=operation_model.name,
                        option="--" + option,
                        kind=type(argument).__name__,
                        member=member,
                        model_option=None if member is None else "--" + xform_name(member, "-"),
                        negative=negative,
                        undocumented=bool(getattr(argument, "_UNDOCUMENTED", False)),
                    )


def _cli_service_name(name: str) -> str:
    from generator.model.builder import CLI_SERVICE_NAMES

    return CLI_SERVICE_NAMES.get(name, name)


def bare_word_list_accepted(argv: list[str], member: str, inner: str) -> bool:
    """Whether awscli reads the last word of ``argv`` as ``[{inner: word}]``."""
    result = capture_aws(argv)
    return result.params is not None and result.params.get(member) == [{inner: argv[-1]}]
