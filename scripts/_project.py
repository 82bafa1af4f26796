"""What the scripts under scripts/ check before they import anything of the project.

They import the generator, its test helpers (``tests.support``) and the packages both need
(botocore, jinja2, jsonschema, fastjsonschema, ...), all of which ``scripts/test`` installs into
``.venv``. Run with another Python (``python3 scripts/conformance``), a script says so in one
line and exits 2, instead of a traceback.
"""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEEDED = ("generator", "botocore", "jinja2", "jsonschema", "fastjsonschema")


def require_venv() -> None:
    """Exit 2 with one line when this interpreter cannot import what the scripts need."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        script = Path(sys.argv[0]).name
        print(
            f"{script}: {sys.executable} cannot import {', '.join(missing)}; "
            f"run it as {ROOT / '.venv/bin/python'} scripts/{script} (scripts/test creates .venv)",
            file=sys.stderr,
        )
        sys.exit(2)
