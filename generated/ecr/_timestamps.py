"""Which strings botocore accepts as timestamps (it parses them with dateutil).

The common forms are recognised: epoch seconds, ISO 8601 and RFC 822 dates.
"""

import datetime
import email.utils


def parses_as_timestamp(text: str) -> bool:
    try:
        float(text)
        return True
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
