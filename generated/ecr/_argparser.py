"""argparse set up as the AWS CLI's parsers behave, minus their exits."""

import argparse

from ._cli import CliError


def _formatter(prog: str) -> argparse.HelpFormatter:
    # A fixed width: argparse would import shutil to ask the terminal, which
    # costs more than the rest of a parse.
    return argparse.HelpFormatter(prog, width=100)


class Parser(argparse.ArgumentParser):
    """Reports usage errors as ``CliError(code=2)`` instead of exiting."""

    def __init__(self, **kwargs) -> None:
        super().__init__(formatter_class=_formatter, add_help=False, **kwargs)

    def error(self, message: str):
        raise CliError(f"usage: {self.usage}\n{self.prog}: error: {message}", 2)
