"""Names derived from model names: CLI names and Python identifiers.

The AWS CLI turns ``CompleteLayerUpload`` into ``complete-layer-upload`` and
``registryId`` into ``--registry-id``. This module reproduces that rule; the
tests compare it with botocore's own function over every name of every model.
"""

import keyword
import re

# A capital starts a new word after a lowercase letter or digit, and the last
# capital of an acronym starts a new word before a lowercase letter.
_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# A pluralised acronym at the end stays one word: ``NotificationARNs``.
_PLURAL_ACRONYM_AT_END = re.compile(r"[A-Z]{2,}s$")
# Words the AWS CLI keeps whole in operation names (only there: member names
# such as ``linkedWhatsAppBusinessAccountId`` are split as usual).
_OPERATION_WORDS = {"WhatsApp": "Whatsapp", "iSCSI": "Iscsi", "OTel": "Otel", "HITs": "Hits"}
_OPERATION_WORDS_RE = re.compile("|".join(_OPERATION_WORDS))


def split_name(name: str, separator: str) -> str:
    """``registryId`` -> ``registry-id`` (or ``registry_id``); the CLI's rule."""
    if separator in name:
        return name
    tail = ""
    plural = _PLURAL_ACRONYM_AT_END.search(name)
    if plural:
        name, tail = name[: plural.start()], separator + plural.group(0)
    return (_BOUNDARY.sub(separator, name) + tail).lower()


def operation_name(name: str, separator: str) -> str:
    """``CompleteLayerUpload`` -> ``complete-layer-upload``."""
    name = _OPERATION_WORDS_RE.sub(lambda match: _OPERATION_WORDS[match.group()], name)
    return split_name(name, separator)


def python_identifier(name: str) -> str:
    """A snake_case identifier that is safe as a Python module or variable name."""
    ident = re.sub(r"\W", "_", split_name(name, "_"), flags=re.ASCII)
    if not ident or ident[0].isdigit():
        ident = "_" + ident
    if keyword.iskeyword(ident):
        ident += "_"
    return ident
