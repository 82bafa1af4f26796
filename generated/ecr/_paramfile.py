"""``file://`` and ``fileb://`` parameter values, read as the AWS CLI reads them."""

import os

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO

# Prefix -> (open mode, encoding).
LOCAL_PREFIXES = {"file://": ("r", None), "fileb://": ("rb", None)}
_REMOTE_PREFIXES = ("http://", "https://")


class ParamFileError(Exception):
    pass


def load_paramfile(
    value: object,
    prefixes: "dict[str, tuple[str, None]]" = LOCAL_PREFIXES,
    remote: bool = False,
) -> "str | bytes | None":
    """The file's contents when ``value`` names one with a known prefix, else None."""
    if not isinstance(value, str):
        return None
    for prefix, mode in prefixes.items():
        if value.startswith(prefix):
            path = os.path.expandvars(os.path.expanduser(value[len(prefix) :]))
            try:
                handle: IO[str] | IO[bytes]
                with open(path, mode[0]) as handle:
                    return handle.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise ParamFileError(f"Unable to load paramfile {value}: {exc}") from None
    if remote and value.startswith(_REMOTE_PREFIXES):
        # The AWS CLI downloads these; a parser that never touches the network refuses them.
        raise ParamFileError(
            f"Unable to retrieve {value}: remote parameter files are not supported"
        )
    return None
