"""Access points that refer (#oltreiperimetri): the referrer of a bank, patronato, company or
school sends a referral with the person's consent, or an anonymous signal of a need, and sees
the state of what it sent; nothing else, and nobody else reaches these pages (404)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.models import (
    AccessPointReferrer,
    LegalForm,
    MemberRole,
    NetworkCoordinator,
    SourceType,
)
from linkrete.accounts import roles
from linkrete.retention import ERASED
from sportelli import services
from sportelli.models import NeedSignal, Referral, ReferralStatus
from tests.factories import (
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ROME)


@pytest.fixture(autouse=True)
def _now(time_machine):
    time_machine.move_to(NOW, tick=False)


def _access_point(network, name, legal_form):
    organization = OrganizationFactory(name=name, legal_form=legal_form)
    NetworkMembershipFactory(
        network=network, organization=organization, role=MemberRole.ACCESS_POINT
    )
    return organization


def _referrer(role_groups, organization, username):
    user = UserFactory(username=username)
    user.groups.add(role_groups[roles.ACCESS_POINT])
    AccessPointReferrer.objects.create(user=user, organization=organization)
    return user


@pytest.fixture
def bank(network):
    return _access_point(network, "Banca del Territorio", LegalForm.BANK)


@pytest.fixture
def school(other_network):
    return _access_point(other_network, "Istituto Comprensivo Rodari", LegalForm.SCHOOL)


@pytest.fixture
def referrer(role_groups, bank):
    return _referrer(role_groups, bank, "sportello-banca")


@pytest.fixture
def other_referrer(role_groups, school):
    return _referrer(role_groups, school, "segreteria-scuola")


@pytest.fixture
def coordinator_of_b(role_groups, other_network):
    user = UserFactory(username="coordinatrice-rete-b", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
    NetworkCoordinator.objects.create(network=other_network, user=user)
    return user


@pytest.fixture
def bank_staff(role_groups, bank):
    """Ordinary staff of the bank's own organization record: not a referrer."""
    from directory.models import Membership

    user = UserFactory(username="redazione-banca")
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    Membership.objects.create(user=user, organization=bank, role=Membership.Role.MANAGER)
    return user


def _refer(user, bank, to_organization, name="Lucia Ferretti"):
    return services.referral_create(
        sent_by=user,
        from_organization=bank,
        to_organization=to_organization,
        person_name=name,
        person_contact="333 1234567",
        need="Rate del mutuo non pagate da tre mesi.",
        consent_to_share=True,
        source_type=SourceType.BANK,
    )


def _urls(bank):
    return {
        "home": reverse("sportelli:access_point_home"),
        "page": reverse("sportelli:access_point", args=[bank.slug]),
        "referral": reverse("sportelli:access_point_referral", args=[bank.slug]),
        "signal": reverse("sportelli:access_point_signal", args=[bank.slug]),
    }


OUTSIDERS = [
    "other_referrer",
    "bank_staff",
    "staff",
    "desk_operator",
    "network_coordinator",
    "coordinator_of_b",
    "coordinator",
]


@pytest.mark.parametrize("view", ["home", "page", "referral", "signal"])
def test_the_access_points_referrer_reaches_its_pages(client, referrer, bank, view):
    client.force_login(referrer)
    response = client.get(_urls(bank)[view], follow=True)
    assert response.status_code == 200
    assert bank.name in response.content.decode()


@pytest.mark.parametrize("who", OUTSIDERS)
@pytest.mark.parametrize("view", ["page", "referral", "signal"])
def test_everyone_else_gets_404(client, request, bank, referrer, view, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_urls(bank)[view]).status_code == 404
    assert client.post(_urls(bank)[view], {}).status_code == 404


@pytest.mark.parametrize("who", [w for w in OUTSIDERS if w != "other_referrer"])
def test_the_home_is_404_for_anyone_who_refers_for_no_access_point(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("sportelli:access_point_home")).status_code == 404


@pytest.mark.parametrize("view", ["home", "page", "referral", "signal"])
def test_anonymous_visitors_are_sent_to_sign_in(client, bank, view):
    response = client.get(_urls(bank)[view])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_access_point_that_leaves_the_role_loses_the_pages(client, referrer, bank):
    bank.network_memberships.update(role=MemberRole.PARTNER)
    client.force_login(referrer)
    assert client.get(_urls(bank)["page"]).status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "sportelli:console",
        "sportelli:referral_list",
        "sportelli:referral_create",
        "famiglie:home",
    ],
)
def test_the_referrer_has_no_other_powers(client, referrer, name):
    client.force_login(referrer)
    assert client.get(reverse(name)).status_code in (403, 404)


def test_signing_in_lands_on_the_access_point(client, referrer, bank):
    client.force_login(referrer)
    response = client.get(reverse("landing"), follow=True)
    assert response.redirect_chain[-1][0] == _urls(bank)["page"]


# The referral ------------------------------------------------------------------------------


def test_a_referral_is_sent_with_consent_and_its_source_type(
    client, referrer, bank, organization, desk, django_capture_on_commit_callbacks
):
    client.force_login(referrer)
    form = client.get(_urls(bank)["referral"]).content.decode()
    assert organization.name in form and desk.name in form
    assert f">{bank.name}</option>" not in form  # access points are not targets

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _urls(bank)["referral"],
            {
                "to_organization": organization.pk,
                "person_name": "Lucia Ferretti",
                "person_contact": "333 1234567",
                "need": "Rate del mutuo non pagate da tre mesi.",
                "consent_to_share": "on",
            },
        )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.source_type == SourceType.BANK
    assert referral.from_organization == bank
    assert referral.receiving_organization == organization
    assert referral.sent_by == referrer


def test_without_consent_nothing_is_sent_and_what_was_typed_stays(client, referrer, bank, desk):
    client.force_login(referrer)
    response = client.post(
        _urls(bank)["referral"],
        {"to_desk": desk.pk, "person_name": "Lucia Ferretti", "person_contact": "333 1234567"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lucia Ferretti" in page and "333 1234567" in page
    assert "anonymous" in page or "anonim" in page
    assert not Referral.objects.exists()


def test_one_target_exactly(client, referrer, bank, organization, desk):
    client.force_login(referrer)
    data = {
        "to_organization": organization.pk,
        "to_desk": desk.pk,
        "person_name": "Lucia Ferretti",
        "person_contact": "333",
        "need": "Aiuto",
        "consent_to_share": "on",
    }
    assert client.post(_urls(bank)["referral"], data).status_code == 200
    assert not Referral.objects.exists()


def test_a_target_outside_the_access_points_networks_is_refused(
    client, referrer, bank, other_organization
):
    client.force_login(referrer)
    data = {
        "to_organization": other_organization.pk,
        "person_name": "Lucia Ferretti",
        "person_contact": "333",
        "need": "Aiuto",
        "consent_to_share": "on",
    }
    assert client.post(_urls(bank)["referral"], data).status_code == 200
    assert not Referral.objects.exists()


def test_the_page_shows_the_state_and_no_case_data(client, referrer, bank, organization, staff):
    referral = _refer(referrer, bank, organization)
    services.referral_transition(
        referral=referral, to_status=ReferralStatus.ACCEPTED, by=staff, note="Colloquio lunedì"
    )
    services.referral_transition(
        referral=referral, to_status=ReferralStatus.IN_PROGRESS, by=staff, note="Piano rate"
    )
    client.force_login(referrer)
    page = client.get(_urls(bank)["page"]).content.decode()
    assert "Lucia Ferretti" in page
    assert str(ReferralStatus.IN_PROGRESS.label) in page or "in corso" in page
    assert "Colloquio" not in page and "Piano rate" not in page
    # The referral's own page (with the receiving side's notes) stays closed to the sender.
    assert client.get(referral.get_absolute_url()).status_code == 404


def test_another_referrer_of_the_same_access_point_sees_the_state_too(
    client, role_groups, referrer, bank, organization
):
    _refer(referrer, bank, organization)
    colleague = _referrer(role_groups, bank, "cassiere")
    client.force_login(colleague)
    assert "Lucia Ferretti" in client.get(_urls(bank)["page"]).content.decode()


def test_the_receiving_side_and_the_coordinators_see_the_referral(
    client, referrer, bank, organization, staff, network_coordinator, coordinator_of_b
):
    referral = _refer(referrer, bank, organization)
    for user, status in ((staff, 200), (network_coordinator, 200), (coordinator_of_b, 404)):
        client.force_login(user)
        assert client.get(referral.get_absolute_url()).status_code == status


def test_the_page_costs_the_same_queries_however_many_referrals(
    client, referrer, bank, organization, desk, django_assert_num_queries
):
    client.force_login(referrer)
    url = _urls(bank)["page"]
    _refer(referrer, bank, organization)
    client.get(url)  # the session and the user's caches warmed alike
    with django_assert_num_queries(5):
        client.get(url)
    for n in range(30):
        services.referral_create(
            sent_by=referrer,
            from_organization=bank,
            to_desk=desk,
            person_name=f"Persona {n}",
            person_contact="333",
            need="Aiuto",
            consent_to_share=True,
            source_type=SourceType.BANK,
        )
    with django_assert_num_queries(5):
        assert "Persona 29" in client.get(url).content.decode()


def test_the_referrals_personal_data_go_by_the_referrals_retention_rule(
    referrer, bank, organization, settings, capsys
):
    settings.LINKRETE_REFERRAL_STALE_DAYS = 365
    referral = _refer(referrer, bank, organization)
    Referral.objects.filter(pk=referral.pk).update(updated_at=NOW - datetime.timedelta(days=366))
    call_command("apply_retention")
    referral.refresh_from_db()
    assert (referral.person_name, referral.person_contact, referral.need) == (ERASED, "", ERASED)
    assert referral.source_type == SourceType.BANK  # still counted


# The signal -------------------------------------------------------------------------------


def test_a_signal_records_no_identity(client, referrer, bank, network):
    MunicipalityFactory()
    client.force_login(referrer)
    response = client.post(
        _urls(bank)["signal"],
        {
            "network": network.pk,
            "area": "emergencies",
            "municipality": "Buccinasco",
            "age_band": "30-44",
        },
    )
    assert response.status_code == 302
    signal = NeedSignal.objects.get()
    assert (signal.network, signal.access_point, signal.source_type) == (
        network,
        bank,
        SourceType.BANK,
    )
    assert (signal.area, signal.municipality.name, signal.age_band) == (
        "emergencies",
        "Buccinasco",
        "30-44",
    )
    assert {f.name for f in NeedSignal._meta.concrete_fields} == {
        "id",
        "network",
        "access_point",
        "source_type",
        "area",
        "municipality",
        "age_band",
        "created_at",
    }


def test_a_town_that_does_not_exist_keeps_what_was_typed(client, referrer, bank, network):
    client.force_login(referrer)
    response = client.post(
        _urls(bank)["signal"],
        {"network": network.pk, "area": "work", "municipality": "Atlantide", "age_band": "18-29"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Atlantide" in page
    assert not NeedSignal.objects.exists()


def test_a_network_the_access_point_is_not_in_is_refused(client, referrer, bank, other_network):
    MunicipalityFactory()
    client.force_login(referrer)
    response = client.post(
        _urls(bank)["signal"],
        {
            "network": other_network.pk,
            "area": "work",
            "municipality": "Buccinasco",
            "age_band": "18-29",
        },
    )
    assert response.status_code == 200
    assert not NeedSignal.objects.exists()


# The invitation ----------------------------------------------------------------------------


def test_a_coordinator_invites_a_referrer_who_joins_without_a_membership(
    client, network_coordinator, bank, django_capture_on_commit_callbacks
):
    from django.core import mail

    from directory.models import Membership
    from linkrete.accounts.models import User

    client.force_login(network_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("staff:invite"),
            {
                "email": "cassa@banca.example.org",
                "first_name": "Piero",
                "last_name": "Sala",
                "organization": bank.name,
                "role": "access_point",
            },
        )
    assert response.status_code == 302, response.content.decode()
    assert "refer people" in mail.outbox[0].body or "segnalare" in mail.outbox[0].body
    link = next(w for w in mail.outbox[0].body.split() if "/area-enti/" in w)
    client.logout()
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    password = "una-Password-lunga-2026"
    response = client.post(set_url, {"new_password1": password, "new_password2": password})
    user = User.objects.get(email="cassa@banca.example.org")
    assert AccessPointReferrer.objects.filter(user=user, organization=bank).exists()
    assert not Membership.objects.filter(user=user).exists()
    assert user.groups.filter(name=roles.ACCESS_POINT).exists()


def test_only_an_access_point_can_have_referrers(client, network_coordinator, organization):
    client.force_login(network_coordinator)
    response = client.post(
        reverse("staff:invite"),
        {
            "email": "nuovo@example.org",
            "first_name": "Piero",
            "last_name": "Sala",
            "organization": organization.name,
            "role": "access_point",
        },
    )
    assert response.status_code == 200
    assert "nuovo@example.org" in response.content.decode()
    assert not AccessPointReferrer.objects.exists()


@pytest.mark.parametrize("value", ["a\x00b", "99999999999999999999", "x" * 5000, "²", "-1", ""])
def test_odd_input_never_gives_a_server_error(client, referrer, bank, value):
    client.raise_request_exception = False
    client.force_login(referrer)
    for view in ("referral", "signal"):
        url = _urls(bank)[view]
        fields = [
            "to_organization",
            "to_desk",
            "person_name",
            "person_contact",
            "need",
            "consent_to_share",
            "network",
            "area",
            "municipality",
            "age_band",
        ]
        assert client.post(url, dict.fromkeys(fields, value)).status_code == 200
        assert client.get(_urls(bank)["page"], {"pagina": value}).status_code in (200, 404)
    assert not Referral.objects.exists() and not NeedSignal.objects.exists()
