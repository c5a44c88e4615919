import pytest
from django.test import RequestFactory

from linkrete.client_address import client_address
from linkrete.throttle import over_limit

pytestmark = pytest.mark.django_db  # the counters are in the database


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_without_proxies_the_connection_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("10.0.0.5", "1.2.3.4")) == "10.0.0.5"


def test_behind_a_proxy_the_address_it_saw_counts_and_a_forged_one_does_not(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.1", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"


def test_the_limit_is_per_client_and_per_scope(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = request_from("10.0.0.1", "203.0.113.7")
    second = request_from("10.0.0.1", "203.0.113.8")
    assert [over_limit(first, "booking", 2) for _ in range(3)] == [False, False, True]
    assert over_limit(second, "booking", 2) is False
    assert over_limit(first, "application", 2) is False


def test_two_proxies_count_from_the_right_and_a_short_header_falls_back(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    chain = "6.6.6.6, 203.0.113.7, 10.0.0.2"
    assert client_address(request_from("10.0.0.1", chain)) == "203.0.113.7"
    assert client_address(request_from("10.0.0.1", "203.0.113.7")) == "10.0.0.1"


def test_junk_ports_and_ipv6_in_the_header_are_read_as_addresses(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("127.0.0.1", "[2001:db8::1]:443")) == "2001:db8::1"
    assert client_address(request_from("127.0.0.1", "::ffff:203.0.113.9")) == "203.0.113.9"
    assert client_address(request_from("127.0.0.1", "not-an-address")) == "127.0.0.1"
    assert client_address(request_from("127.0.0.1", "1.2.3.4, junk, 203.0.113.7")) == (
        "203.0.113.7"
    )
