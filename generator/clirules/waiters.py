"""The AWS CLI's wording for its ``wait`` command, whatever the model.

The CLI turns a service's waiter model into ``aws <service> wait <waiter>``
commands. It documents each as the operation the waiter polls, under the
waiter's name, with a description of its own: the model's description of the
waiter or, most waiters having none, a sentence built from the acceptor that
ends the wait with success; then how often and how long it polls. Like the
model's prose, that description goes through the ``rst`` filter; the
differential tests hold it to the CLI's pages.
"""

from generator.model.ir import Acceptor, Waiter
from generator.model.names import split_name

#: The description of ``aws <service> wait`` itself.
WAIT_DESCRIPTION = (
    "Wait until a particular condition is satisfied. Each subcommand polls an API until the listed "
    "requirement is met."
)

# What the success acceptor's matcher waits for; ``{}`` is its expected value.
_SUCCESS_CONDITIONS = {
    "error": "{} is thrown ",
    "path": "{} ",
    "pathAll": "{} for all elements ",
    "pathAny": "{} for any element ",
    "status": "{} response is received ",
}


def _python_text(value: object) -> str:
    """A JSON value as the CLI's Python formats it (``True``, not ``true``)."""
    return str(value)


def _success_condition(acceptor: Acceptor) -> str:
    condition = _SUCCESS_CONDITIONS[acceptor.matcher].format(_python_text(acceptor.expected))
    if acceptor.matcher.startswith("path"):
        return f"JMESPath query {acceptor.argument} returns {condition}"
    return condition


def waiter_description(waiter: Waiter) -> str:
    """The Description of ``aws <service> wait <waiter>``."""
    description = waiter.description
    if not description:
        success = next((a for a in waiter.acceptors if a.state == "success"), None)
        condition = _success_condition(success) if success is not None else ""
        # The CLI names the operation by botocore's snake_case name with dashes,
        # which is not always the operation's command name.
        polled = split_name(waiter.operation, "_").replace("_", "-")
        description = f"Wait until {condition}when polling with ``{polled}``."
    return (
        f"{description} It will poll every {_python_text(waiter.delay)} seconds until a successful state "
        f"has been reached. This will exit with a return code of 255 after "
        f"{_python_text(waiter.max_attempts)} failed checks."
    )
