"""Role fixtures shared by the whole suite (see STYLE.md, "Tests"), and the clock.

Clock: a test whose result depends on "now" (opening hours, "open now", free slots, validity,
retention) asks for ``pinned_now``, which stops the clock at ``tests.clock.PINNED_NOW``. The
environment variable ``LINKRETE_TEST_NOW`` (an ISO instant with its offset, or a name in
``tests.clock.INSTANTS``) travels the whole test process there, ticking, in every xdist worker
and every thread (the live server's too): ``make test-instants`` runs the suite so under each
instant of ``tests.clock.INSTANTS``.
"""

import io
import os

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command

from directory.models import Membership
from linkrete.accounts import roles
from tests.clock import PINNED_NOW, parse_instant
from tests.factories import OrganizationFactory, UserFactory
from tests.mail_backends import FAILING_BACKENDS

_travel = None


def pytest_configure(config):
    global _travel
    value = os.environ.get("LINKRETE_TEST_NOW")
    if not value or _travel is not None:
        return
    try:
        moment = parse_instant(value)
    except ValueError as error:
        raise pytest.UsageError(f"LINKRETE_TEST_NOW: {error}") from None
    _travel = time_machine.travel(moment, tick=True)
    _travel.start()


def pytest_unconfigure(config):
    global _travel
    if _travel is not None:
        _travel.stop()
        _travel = None


def pytest_report_header(config):
    if value := os.environ.get("LINKRETE_TEST_NOW"):
        return f"LINKRETE_TEST_NOW: the tests start at {parse_instant(value).isoformat()}"
    return None


@pytest.fixture
def client():
    """The test client, whose ``force_login`` also gives the second factor for staff and
    coordinators (tests/signing_in.py)."""
    from tests.signing_in import Client

    return Client()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's, on the client above: the superuser has given the second factor."""
    client.force_login(admin_user)
    return client


@pytest.fixture
def pinned_now(time_machine):
    """Now is ``PINNED_NOW`` (Wednesday 2 December 2026, 10:00 in Rome) and stays there."""
    time_machine.move_to(PINNED_NOW, tick=False)
    return PINNED_NOW


@pytest.fixture(params=list(FAILING_BACKENDS.values()), ids=list(FAILING_BACKENDS))
def failing_mail(request, settings):
    """The test runs once with a mail server that refuses and once with none at all."""
    settings.EMAIL_BACKEND = request.param


@pytest.fixture
def role_groups(db):
    call_command("sync_roles", stdout=io.StringIO())
    return {name: Group.objects.get(name=name) for name in roles.ROLES}


@pytest.fixture
def coordinator(role_groups):
    """The platform's coordinator: every network (a super-coordinator)."""
    user = UserFactory(username="coordinatrice", is_staff=True)
    user.groups.add(role_groups[roles.SUPER_COORDINATOR])
    return user


@pytest.fixture
def network(organization, desk):
    """Network A: ``organization`` and the host of ``desk`` are its members."""
    from tests.factories import NetworkFactory, NetworkMembershipFactory

    network = NetworkFactory(name="Rete A", slug="rete-a", lead_organization=organization)
    NetworkMembershipFactory(network=network, organization=organization, role="capofila")
    NetworkMembershipFactory(network=network, organization=desk.host_organization)
    return network


@pytest.fixture
def other_network(other_organization, other_desk):
    """Network B: ``other_organization`` and the host of ``other_desk``."""
    from tests.factories import NetworkFactory, NetworkMembershipFactory

    network = NetworkFactory(name="Rete B", slug="rete-b", lead_organization=other_organization)
    NetworkMembershipFactory(network=network, organization=other_organization, role="capofila")
    NetworkMembershipFactory(network=network, organization=other_desk.host_organization)
    return network


@pytest.fixture
def network_coordinator(role_groups, network, other_network):
    """Coordinator of network A only: must never see network B's objects."""
    from directory.models import NetworkCoordinator

    user = UserFactory(username="coordinatrice-rete-a", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
    NetworkCoordinator.objects.create(network=network, user=user)
    return user


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="Oratorio San Luigi", slug="oratorio-san-luigi")


@pytest.fixture
def other_organization(db):
    return OrganizationFactory(name="Comitato Genitori Rodari", slug="comitato-genitori-rodari")


@pytest.fixture
def staff(role_groups, organization):
    """An editor of ``organization``."""
    user = UserFactory(username="staff-oratorio")
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def other_staff(role_groups, other_organization):
    """Staff of another organization: must never see ``organization``'s private data."""
    user = UserFactory(username="staff-comitato")
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    Membership.objects.create(
        user=user, organization=other_organization, role=Membership.Role.MANAGER
    )
    return user


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Italian: a request to an /en/ page leaves English active otherwise,
    and reverse() in the next test would then build /en/ URLs."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def desk(db):
    """A desk of Circolo Arci Pagnana, open on Tuesday mornings, operated by ``desk_operator``."""
    from tests.factories import DeskFactory, DeskOpeningSlotFactory

    desk = DeskFactory(
        name="Sportello Pagnana",
        slug="sportello-pagnana",
        host_organization=OrganizationFactory(
            name="Circolo Arci Pagnana", slug="circolo-arci-pagnana"
        ),
    )
    DeskOpeningSlotFactory(desk=desk)
    return desk


@pytest.fixture
def other_desk(db):
    from tests.factories import DeskFactory, DeskOpeningSlotFactory

    desk = DeskFactory(
        name="Sportello Il Bastione",
        slug="sportello-il-bastione",
        host_organization=OrganizationFactory(
            name="Circolo Arci Il Bastione", slug="circolo-arci-il-bastione"
        ),
    )
    DeskOpeningSlotFactory(desk=desk)
    return desk


@pytest.fixture
def desk_operator(role_groups, desk):
    """An operator of ``desk`` only."""
    user = UserFactory(username="operatore-pagnana")
    user.groups.add(role_groups[roles.DESK_OPERATOR])
    desk.operators.add(user)
    return user


@pytest.fixture
def other_desk_operator(role_groups, other_desk):
    """An operator of another desk: must never see ``desk``'s bookings or accesses."""
    user = UserFactory(username="operatore-bastione")
    user.groups.add(role_groups[roles.DESK_OPERATOR])
    other_desk.operators.add(user)
    return user


@pytest.fixture
def seeded_taxonomies(transactional_db):
    """The taxonomies and languages of migration directory/0002, with the family-facing labels
    of 0021 and the names in every language of 0045, seeded again (idempotent): transactional
    tests (live server, threads) flush the tables, seeded rows included."""
    import importlib

    from django.apps import apps

    importlib.import_module("directory.migrations.0002_seed_taxonomies").seed(apps, None)
    importlib.import_module("directory.migrations.0021_upcoming_and_family_labels").fill(apps, None)
    importlib.import_module("directory.migrations.0045_taxonomy_names_translated").seed(apps, None)


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    """Text messages sent through ``linkrete.sms.LocmemBackend`` (the suite's), as Django
    empties ``mail.outbox`` before each test."""
    from linkrete import sms

    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache: each test starts with none used, no cached page and no
    cached part of a page (the footer, whichever test rendered it first)."""
    from django.core.cache import caches

    caches["default"].clear()
    caches["pages"].clear()
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def _no_search_statistics():
    """The tags' and the words' shares come from PostgreSQL's statistics, kept for minutes by
    each process (``directory.search.statistics.CommonShares``): each test starts as before any
    ANALYZE (every tag and word rare), whatever an earlier test analysed; a test that runs
    ANALYZE calls ``forget_shares`` and ``forget_word_shares``."""
    from directory.search import tags as search_tags
    from directory.search import text as search_text

    search_tags.known_shares({})
    search_text.LEXEME_SHARES.known({})


@pytest.fixture
def admin_client_of(client):
    """``admin_client_of(user)``: the test client signed in as ``user``, as the sign-in form
    would leave it (for staff, with the second factor verified: tests.signing_in)."""
    from tests.signing_in import sign_in

    def signed_in(user):
        sign_in(client, user)
        return client

    return signed_in
