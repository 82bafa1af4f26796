"""Parameter values read from where they point, as the AWS CLI reads them:
``file://`` and ``fileb://`` from a local file, ``http://`` and ``https://``
from the body of a GET request."""

import os

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO

# Prefix -> (open mode, encoding).
LOCAL_PREFIXES = {"file://": ("r", None), "fileb://": ("rb", None)}
REMOTE_PREFIXES = ("http://", "https://")
#: Seconds the CLI waits for a connection, and then for each read.
URL_TIMEOUT = 60


class ParamFileError(Exception):
    pass


def load_paramfile(
    value: object,
    prefixes: "dict[str, tuple[str, None]]" = LOCAL_PREFIXES,
    remote: bool = False,
) -> "str | bytes | None":
    """The contents ``value`` names when it starts with a known prefix, else None."""
    if not isinstance(value, str):
        return None
    for prefix, mode in prefixes.items():
        if value.startswith(prefix):
            path = os.path.expandvars(os.path.expanduser(value[len(prefix) :]))
            try:
                handle: IO[str] | IO[bytes]
                with open(path, mode[0]) as handle:
                    return handle.read()
            except OSError as exc:
                raise ParamFileError(f"Unable to load paramfile {value}: {exc}") from None
            except UnicodeDecodeError:
                raise ParamFileError(
                    f"Unable to load paramfile ({path}), text contents could not be decoded.  "
                    "If this is a binary file, please use the fileb:// prefix instead of the "
                    "file:// prefix."
                ) from None
    if remote and value.startswith(REMOTE_PREFIXES):
        try:
            return fetch(value)
        except ParamFileError as exc:
            raise ParamFileError(f"Unable to retrieve {value}: {exc}") from None
    return None


def fetch(url: str) -> str:
    """The body of a 200 response to ``GET url``, decoded as the CLI decodes
    it; anything else raises ``ParamFileError`` with the CLI's reason. No
    redirect is followed (the CLI follows none), nothing is cached or saved."""
    import http.client
    import ssl
    import urllib.error
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None  # a redirect is then an error status, as in the CLI

    request = urllib.request.Request(_target(url), method="GET")
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=URL_TIMEOUT) as response:
            status = response.status
            body = response.read()
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        exc.close()
        status = exc.code
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise ParamFileError(f'Connect timeout on endpoint URL: "{url}"') from None
        if isinstance(reason, ssl.SSLError):
            raise ParamFileError(f"SSL validation failed for {url} {reason}") from None
        if isinstance(reason, OSError):
            raise ParamFileError(f'Could not connect to the endpoint URL: "{url}"') from None
        raise ParamFileError(f"An HTTP Client raised an unhandled exception: {reason}") from None
    except TimeoutError:
        raise ParamFileError(f'Read timeout on endpoint URL: "{url}"') from None
    except http.client.InvalidURL as exc:
        raise ParamFileError(f"An HTTP Client raised an unhandled exception: {exc}") from None
    except (http.client.HTTPException, ConnectionError):
        raise ParamFileError(
            f'Connection was closed before we received a valid response from endpoint URL: "{url}".'
        ) from None
    if status != 200:
        raise ParamFileError(f"received non 200 status code of {status}")
    try:
        text: str = body.decode(_charset(content_type))
        return text
    except (UnicodeDecodeError, LookupError) as exc:
        raise ParamFileError(str(exc)) from None


def _target(url: str) -> str:
    """``url`` as it goes on the wire: without user information (the CLI
    sends none) and with characters a URL cannot hold percent-encoded."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        message = str(exc)
        if message.startswith("Port could not be cast"):
            authority = parts.netloc.rpartition("@")[2]
            message = f"Failed to parse: '{authority}' is not a valid host or port"
        elif message.startswith("Port"):
            message = f"Failed to parse: {url}"
        raise ParamFileError(f"An HTTP Client raised an unhandled exception: {message}") from None
    if not host:
        raise ParamFileError("An HTTP Client raised an unhandled exception: No host specified.")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    target = f"{parts.scheme}://{netloc}{_encoded(parts.path or '/', '/')}"
    return target + (f"?{_encoded(parts.query, '/?')}" if parts.query else "")


def _encoded(text: str, safe: str) -> str:
    """Percent-encoded as UTF-8 where a URL cannot hold the character. A ``%``
    stays when every one in ``text`` starts an escape, else each is encoded."""
    import re
    from urllib.parse import quote

    escapes = re.compile("%[0-9A-Fa-f]{2}")
    keep = len(escapes.findall(text)) == text.count("%")
    if keep:
        text = escapes.sub(lambda match: match.group(0).upper(), text)
    return quote(text, safe=safe + ":@!$&'()*+,;=~" + ("%" if keep else ""))


def _charset(content_type: "str | None") -> str:
    """The CLI's decoding: the Content-Type's charset; ISO-8859-1 for a text
    type without one; UTF-8 otherwise."""
    if not content_type:
        return "utf-8"
    from email.message import Message

    message = Message()
    message["Content-Type"] = content_type
    charset = message.get_param("charset")
    if isinstance(charset, str):
        return charset
    return "iso-8859-1" if "text" in content_type else "utf-8"
