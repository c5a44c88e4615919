import pytest
from django.test import RequestFactory

from linkrete.throttle import client_ip, over_limit

pytestmark = pytest.mark.django_db  # the counters are in the database


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_without_proxies_the_connection_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("10.0.0.5", "1.2.3.4")) == "10.0.0.5"


def test_behind_a_proxy_the_address_it_saw_counts_and_a_forged_one_does_not(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.1", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("10.0.0.1")) == "10.0.0.1"


def test_the_limit_is_per_client_and_per_scope(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = request_from("10.0.0.1", "203.0.113.7")
    second = request_from("10.0.0.1", "203.0.113.8")
    assert [over_limit(first, "booking", 2) for _ in range(3)] == [False, False, True]
    assert over_limit(second, "booking", 2) is False
    assert over_limit(first, "application", 2) is False
