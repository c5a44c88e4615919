"""The old global role (``Organization.network_role``) becomes a role in a network.

Nothing in the database said which project an organization's role was in, so the networks are
inferred from the territory: each lead organization (capofila) gets a network over the zones of
its places ("Rete <zones>", or "Rete di <name>" when its places are in no zone), with the lead
organizations that share those zones; each partner joins every inferred network whose zones hold
one of its places. A partner found in none joins one placeholder network, "Rete" (slug ``rete``),
for a coordinator to sort out in the admin. "aderente" was every organization's default (all the
imported ones have it) and named no project: it is not carried over.

Going back writes the role from the memberships: capofila somewhere, else partner somewhere,
else aderente.
"""

from django.db import migrations
from django.utils.text import slugify

LEAD, PARTNER = "capofila", "partner"


def _zones_of(Location, organization_ids):
    """{organization id: set of zone ids of its places}."""
    zones = {}
    rows = Location.objects.filter(
        organization_id__in=organization_ids, municipality__zones__isnull=False
    ).values_list("organization_id", "municipality__zones")
    for organization_id, zone_id in rows:
        zones.setdefault(organization_id, set()).add(zone_id)
    return zones


def _unique_slug(Network, base):
    slug, n = base[:190] or "rete", 2
    while Network.objects.filter(slug=slug).exists():
        slug, n = f"{base[:190]}-{n}", n + 1
    return slug


def forwards(apps, schema_editor):
    Organization = apps.get_model("directory", "Organization")
    Location = apps.get_model("directory", "Location")
    Zone = apps.get_model("directory", "Zone")
    Network = apps.get_model("directory", "Network")
    Membership = apps.get_model("directory", "NetworkMembership")

    leads = list(Organization.objects.filter(network_role=LEAD).order_by("pk"))
    partners = list(Organization.objects.filter(network_role=PARTNER).order_by("pk"))
    if not leads and not partners:
        return
    zones_of = _zones_of(Location, [o.pk for o in leads + partners])

    networks = {}  # frozenset of zone ids (or ("org", pk)) -> Network
    for lead in leads:
        key = frozenset(zones_of.get(lead.pk, ())) or ("org", lead.pk)
        network = networks.get(key)
        if network is None:
            if isinstance(key, frozenset):
                names = sorted(Zone.objects.filter(pk__in=key).values_list("name", flat=True))
                name = "Rete " + ", ".join(names)
            else:
                name = f"Rete di {lead.name}"
            network = Network.objects.create(
                name=name[:200],
                slug=_unique_slug(Network, slugify(name)),
                summary="Rete ricostruita dal ruolo che gli enti avevano prima delle reti.",
                starts_on=lead.created_at.date(),
                lead_organization=lead,
            )
            if isinstance(key, frozenset):
                network.zones.set(key)
            networks[key] = network
        Membership.objects.create(network=network, organization=lead, role=LEAD)

    placeholder = None
    for partner in partners:
        zones = zones_of.get(partner.pk, set())
        joined = [n for key, n in networks.items() if isinstance(key, frozenset) and key & zones]
        if not joined:
            if placeholder is None:
                placeholder = Network.objects.create(
                    name="Rete",
                    slug=_unique_slug(Network, "rete"),
                    summary="Enti che erano partner della rete prima che le reti esistessero: "
                    "da assegnare alla rete giusta.",
                    starts_on=min(p.created_at for p in partners).date(),
                )
            joined = [placeholder]
        for network in joined:
            Membership.objects.create(network=network, organization=partner, role=PARTNER)


def backwards(apps, schema_editor):
    Organization = apps.get_model("directory", "Organization")
    Membership = apps.get_model("directory", "NetworkMembership")
    for role in (PARTNER, LEAD):  # the lead role wins
        ids = Membership.objects.filter(role=role).values("organization")
        Organization.objects.filter(pk__in=ids).update(network_role=role)


class Migration(migrations.Migration):
    dependencies = [("directory", "0028_networks")]

    operations = [migrations.RunPython(forwards, backwards)]
