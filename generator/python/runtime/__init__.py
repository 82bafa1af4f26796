"""The parsers' shared runtime: plain Python, copied byte for byte into every service package.

Each ``_*.py`` module here is what a generated ``<service>/_*.py`` holds. The
modules import only the standard library and each other (relatively), so they
run the same here (where the unit tests and the type checker see them) and
inside a generated tree. This ``__init__`` is not copied.
"""

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def runtime_sources() -> dict[str, str]:
    """File name -> text of every runtime module, sorted by name."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(_HERE.glob("_*.py"))
        if path.name != "__init__.py"
    }
