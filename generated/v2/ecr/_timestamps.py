"""Which strings botocore accepts as timestamps (it parses them with dateutil).

The common forms are recognised: epoch seconds, ISO 8601 and RFC 822 dates.
"""

import datetime
import email.utils

# Epoch seconds of 0001-01-01 and 10000-01-01: the range of a datetime.
_FIRST_SECOND = -62135596800
_PAST_LAST_SECOND = 253402300800


def in_datetime_range(seconds: "int | float") -> bool:
    """Epoch seconds botocore can turn into a datetime (NaN cannot)."""
    return _FIRST_SECOND <= seconds < _PAST_LAST_SECOND


def parses_as_timestamp(text: str) -> bool:
    try:
        return in_datetime_range(float(text))
    except ValueError:
        pass
    candidate = text.strip()
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        datetime.datetime.fromisoformat(candidate)
        return True
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text) is not None
    except (TypeError, ValueError, IndexError):
        return False
