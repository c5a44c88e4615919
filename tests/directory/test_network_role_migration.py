"""The old global role becomes a role in a network (directory/migrations/0029): networks are
inferred from the zones of the lead organizations' places; partners join the networks of their
zones, or the placeholder "Rete"; "aderente", everyone's default, is not carried over."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from directory.models import Network, NetworkMembership

BEFORE = [("directory", "0028_networks")]
AFTER = [("directory", "0029_network_roles_into_memberships")]


@pytest.mark.django_db(transaction=True)
def test_the_global_roles_become_roles_in_networks_inferred_from_the_zones():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        Organization = old.get_model("directory", "Organization")
        Location = old.get_model("directory", "Location")
        Municipality = old.get_model("directory", "Municipality")
        Zone = old.get_model("directory", "Zone")

        def town(code, name):
            return Municipality.objects.create(
                istat_code=code, name=name, province="Milano", province_code="MI", region="L"
            )

        buccinasco, rho, milano = town("015036", "Buccinasco"), town("015182", "Rho"), None
        milano = town("015146", "Milano")
        corsichese = Zone.objects.create(name="Ambito del Corsichese", slug="corsichese")
        corsichese.municipalities.set([buccinasco])
        rhodense = Zone.objects.create(name="Ambito Rhodense", slug="rhodense")
        rhodense.municipalities.set([rho])

        def org(slug, role, where):
            made = Organization.objects.create(
                name=slug.title(), slug=slug, legal_form="aps", network_role=role
            )
            Location.objects.create(
                organization=made, name="Sede", address="Via Roma 1", municipality=where
            )
            return made

        org("comune-buccinasco", "capofila", buccinasco)
        org("oratorio", "partner", buccinasco)
        org("sercop", "capofila", rho)
        org("cooperho", "partner", rho)
        org("milanese", "partner", milano)  # in no zone of a lead: the placeholder
        org("circolo", "aderente", buccinasco)

        MigrationExecutor(connection).migrate(AFTER)

        roles = set(
            NetworkMembership.objects.values_list("network__name", "organization__slug", "role")
        )
        assert roles == {
            ("Rete Ambito del Corsichese", "comune-buccinasco", "capofila"),
            ("Rete Ambito del Corsichese", "oratorio", "partner"),
            ("Rete Ambito Rhodense", "sercop", "capofila"),
            ("Rete Ambito Rhodense", "cooperho", "partner"),
            ("Rete", "milanese", "partner"),
        }
        corsichese_network = Network.objects.get(slug="rete-ambito-del-corsichese")
        assert corsichese_network.lead_organization.slug == "comune-buccinasco"
        assert [z.slug for z in corsichese_network.zones.all()] == ["corsichese"]
        assert Network.objects.get(slug="rete").lead_organization is None

        # Back: the role comes again from the memberships.
        MigrationExecutor(connection).migrate(BEFORE)
        old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        Organization = old.get_model("directory", "Organization")
        assert dict(Organization.objects.values_list("slug", "network_role")) == {
            "comune-buccinasco": "capofila",
            "oratorio": "partner",
            "sercop": "capofila",
            "cooperho": "partner",
            "milanese": "partner",
            "circolo": "aderente",
        }
    finally:
        # The next tests on this database expect every migration applied.
        MigrationExecutor(connection).migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_a_database_without_roles_gets_no_network():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        old.get_model("directory", "Organization").objects.create(
            name="Ente", slug="ente", legal_form="aps"
        )
        MigrationExecutor(connection).migrate(AFTER)
        assert not Network.objects.exists()
    finally:
        MigrationExecutor(connection).migrate(latest)
