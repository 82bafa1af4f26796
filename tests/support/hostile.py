"""A service model written by an adversary, for the robustness tests."""

import json
from pathlib import Path
from typing import Any

SERVICE = "hostile"
API_VERSION = "2024-01-01"

# Text that breaks naive string building in every target we render to.
NASTY_TEXT = (
    "<p>Quotes \"\"\" and ''' and \\ backslashes \\n, jinja {{ config }} {% if x %}, "
    "rst\n\n.. raw:: html\n\n   <script>alert(1)</script>\n\n"
    "NUL \x00 bell \x07 escape \x1b[31m, lone surrogates \ud800 \udfff, "
    "`backticks` *stars* |pipes| _underscores_ ${shell} $(rm -rf /)</p>"
)
HUGE_TEXT = "<p>" + "x" * 1_000_000 + "</p>"
NASTY_MEMBER_NAMES = ("a/b", "..", "class", "import", "Grüße", "x.y", "with space", "__init__", 'q"uote', "Long" * 30)
# A shape name too long for any line of the strict validator's own layout
# (the compiler then hands the module to black).
LONG_SHAPE = "Nested" * 20
NASTY_ENUM = ('it\'s "quoted"', "back\\slash", "{{ x }}")
BAD_PATTERNS = ("[", "(?<name", "\\p{L}+", "a{2,1}")


def hostile_model() -> dict[str, Any]:
    members: dict[str, Any] = {
        name: {"shape": "Text", "documentation": NASTY_TEXT} for name in NASTY_MEMBER_NAMES
    }
    members["Huge"] = {"shape": "Text", "documentation": HUGE_TEXT}
    members["LongShaped"] = {"shape": LONG_SHAPE}
    members["Choice"] = {"shape": "Choice"}
    members["Tree"] = {"shape": "../Tree.Node"}
    members["Ping"] = {"shape": "Ping"}
    members["Union"] = {"shape": "Union"}
    members.update({f"Bad{i}": {"shape": f"Bad{i}"} for i in range(len(BAD_PATTERNS))})
    shapes: dict[str, Any] = {
        "Request": {
            "type": "structure",
            "required": ["class"],
            "members": members,
            "documentation": NASTY_TEXT,
        },
        "Response": {"type": "structure", "members": dict(members)},
        "Text": {"type": "string", "documentation": NASTY_TEXT},
        LONG_SHAPE: {"type": "structure", "members": {"Leaf": {"shape": "Text"}}},
        "Choice": {"type": "string", "enum": list(NASTY_ENUM)},
        # Recursive through a list, and mutually recursive with Pong.
        "../Tree.Node": {
            "type": "structure",
            "members": {"children": {"shape": "Children"}, "self": {"shape": "../Tree.Node"}},
        },
        "Children": {"type": "list", "member": {"shape": "../Tree.Node"}},
        "Ping": {"type": "structure", "members": {"pong": {"shape": "Pong"}}},
        "Pong": {"type": "structure", "members": {"ping": {"shape": "Ping"}, "map": {"shape": "PongMap"}}},
        "PongMap": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Ping"}},
        "Union": {
            "type": "structure",
            "union": True,
            "members": {"left": {"shape": "Text"}, "right": {"shape": "Union"}},
        },
    }
    shapes.update({f"Bad{i}": {"type": "string", "pattern": p} for i, p in enumerate(BAD_PATTERNS)})
    return {
        "version": "2.0",
        "metadata": {
            "apiVersion": API_VERSION,
            "endpointPrefix": SERVICE,
            "jsonVersion": "1.1",
            "protocol": "json",
            "serviceFullName": NASTY_TEXT,
            "serviceId": "Hostile",
            "signatureVersion": "v4",
            "targetPrefix": "Hostile",
            "uid": f"{SERVICE}-{API_VERSION}",
        },
        "documentation": NASTY_TEXT,
        "operations": {
            "DoThing": {
                "name": "DoThing",
                "http": {"method": "POST", "requestUri": "/"},
                "input": {"shape": "Request"},
                "output": {"shape": "Response"},
                "documentation": NASTY_TEXT,
            }
        },
        "shapes": shapes,
    }


def write_model(root: Path, model: dict[str, Any], service: str = SERVICE) -> Path:
    """Lay ``model`` out as botocore's loader expects it; returns the data path."""
    folder = root / service / API_VERSION
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(json.dumps(model), encoding="utf-8")
    return root
