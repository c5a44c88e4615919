"""Role fixtures shared by the whole suite (see STYLE.md, "Tests")."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from directory.models import Membership
from linkrete.accounts import roles
from tests.factories import OrganizationFactory, UserFactory


@pytest.fixture
def role_groups(db):
    call_command("sync_roles", stdout=io.StringIO())
    return {name: Group.objects.get(name=name) for name in roles.ROLES}


@pytest.fixture
def coordinator(role_groups):
    user = UserFactory(username="coordinatrice", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
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


@pytest.fixture(autouse=True)
def _postgres_only(request):
    """Tests marked ``postgres`` run on PostgreSQL only (CI runs the suite on both)."""
    if request.node.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL")
