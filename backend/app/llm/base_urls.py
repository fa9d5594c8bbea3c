"""Base URLs of openai_compatible servers: their shape, and the private-address (SSRF) guard.

A user-supplied base URL makes the server send requests wherever the user likes. Outside local
development (unless LLM_ALLOW_PRIVATE_BASE_URLS says otherwise) a base URL whose host is or resolves to a
loopback, private, link-local or otherwise non-public address is refused, so nobody can use the app to
reach the network it runs in. It is checked when a key is saved and again before each call (DNS answers
change).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

import anyio

RESOLVE_TIMEOUT_SECONDS = 5
MAX_BASE_URL_LENGTH = 2048


def normalize_base_url(value: str) -> str:
    """The base URL without surrounding blanks or a trailing slash; ValueError says what is wrong."""
    url = value.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ValueError("is not a valid URL") from error
    if parts.scheme not in {"http", "https"}:
        raise ValueError("must start with http:// or https://")
    if not parts.hostname:
        raise ValueError("must name a host, e.g. http://localhost:11434/v1")
    if parts.username is not None or parts.password is not None:
        # It would be stored and shown in clear: credentials belong in the API key field.
        raise ValueError("must not contain a user name or password")
    if parts.query or parts.fragment:
        raise ValueError("must not contain a query string or fragment")
    if port == 0:
        raise ValueError("has an invalid port")
    return url


async def non_public_address(url: str) -> str | None:
    """The first loopback/private/reserved address `url`'s host is or resolves to, else None.

    A host that does not resolve is not refused here: the call itself will then fail as unreachable.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    literal = _ip(host)
    if literal is not None:
        return None if _is_public(literal) else host
    addresses: list[str] = []
    with anyio.move_on_after(RESOLVE_TIMEOUT_SECONDS):
        try:
            found = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            return None
        addresses = [str(entry[4][0]) for entry in found]
    for address in addresses:
        parsed = _ip(address)
        if parsed is not None and not _is_public(parsed):
            return address
    return None


def _ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip("[]").split("%")[0])
    except ValueError:
        return None


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast
