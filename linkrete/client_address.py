"""The address of the client that sent a request: the one place that reads it.

Brute-force protection (django-axes, ``AXES_CLIENT_IP_CALLABLE``), the sign-in and password
reset limits and every public rate limit (``linkrete.throttle``) key on it.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies each proxy appends the address it saw to
X-Forwarded-For, so the client is the ``TRUSTED_PROXY_COUNT``-th entry from the right: what the
outermost trusted proxy saw. Anything further left was written by the client and may be forged.
python-ipware parses the header (IPv6, ports, IPv4-mapped addresses, junk entries); it counts
the proxies inside the header, which is one less than ours (the last proxy is the connection).
Without proxies, or when the header is missing or too short (a request that did not come
through them), the connection's address counts.
"""

from django.conf import settings
from python_ipware import IpWare

_REMOTE_ADDR = IpWare(precedence=("REMOTE_ADDR",))


def _forwarded(proxies: int) -> IpWare:
    return IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxies - 1)


def client_address(request) -> str:
    """The client's address as text ("" when the request carries none)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    address = None
    if proxies:
        address, _trusted = _forwarded(proxies).get_client_ip(request.META)
    if address is None:
        address, _trusted = _REMOTE_ADDR.get_client_ip(request.META)
    return "" if address is None else str(address)
