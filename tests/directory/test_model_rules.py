"""Rules about one record: refused with a clear message by validation and by the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from directory.models import Activity, Category, LegalForm, Location, OpeningSlot, Organization
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ScheduleExceptionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_messages():
    """The rules' messages are checked against their English source here; the Italian
    catalogue is checked for completeness in tests/linkrete/test_translations.py."""
    with translation.override("en"):
        yield


def messages_of(excinfo):
    return " ".join(str(m) for m in excinfo.value.messages)


def refused_by_database(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_min_age_above_max_is_refused_with_a_message():
    activity = ActivityFactory.build(
        organization=OrganizationFactory(), min_age=12, max_age=6, slug="x"
    )
    with pytest.raises(ValidationError) as excinfo:
        activity.full_clean()
    assert "minimum age cannot be above the maximum age" in messages_of(excinfo)


def test_min_age_above_max_is_refused_by_the_database():
    refused_by_database(lambda: ActivityFactory(min_age=12, max_age=6))


def test_equal_ages_and_open_ranges_are_accepted():
    ActivityFactory(min_age=6, max_age=6)
    ActivityFactory(min_age=None, max_age=10)
    ActivityFactory(min_age=65, max_age=None)
    assert Activity.objects.count() == 3


def test_validity_must_end_after_it_starts():
    refused_by_database(
        lambda: ActivityFactory(
            valid_from=datetime.date(2026, 6, 1), valid_to=datetime.date(2026, 5, 1)
        )
    )


def test_a_paid_activity_must_describe_its_cost():
    activity = ActivityFactory.build(organization=OrganizationFactory(), is_free=False, slug="y")
    with pytest.raises(ValidationError) as excinfo:
        activity.full_clean()
    assert "fee_description" in excinfo.value.message_dict
    refused_by_database(lambda: ActivityFactory(is_free=False, fee_description=""))


def test_a_temporarily_closed_activity_needs_a_public_notice():
    activity = ActivityFactory.build(
        organization=OrganizationFactory(), status=Activity.Status.TEMPORARILY_CLOSED, slug="z"
    )
    with pytest.raises(ValidationError) as excinfo:
        activity.full_clean()
    assert "alert" in excinfo.value.message_dict


def test_slugs_are_unique():
    ActivityFactory(slug="calcio-under-10")
    refused_by_database(lambda: ActivityFactory(slug="calcio-under-10"))
    OrganizationFactory(slug="oratorio-san-luigi")
    refused_by_database(lambda: OrganizationFactory(slug="oratorio-san-luigi"))


def test_a_slot_must_open_before_it_closes():
    slot = OpeningSlotFactory.build(
        activity=ActivityFactory(), opens_at=datetime.time(12), closes_at=datetime.time(9)
    )
    with pytest.raises(ValidationError) as excinfo:
        slot.full_clean()
    assert "open before it closes" in messages_of(excinfo)
    refused_by_database(
        lambda: OpeningSlotFactory(opens_at=datetime.time(12), closes_at=datetime.time(12))
    )


def test_a_slot_weekday_is_iso():
    refused_by_database(lambda: OpeningSlotFactory(weekday=8))
    assert OpeningSlot.objects.count() == 0


def test_an_exception_is_either_closed_or_has_hours():
    ScheduleExceptionFactory(is_closed=True)
    ScheduleExceptionFactory(
        is_closed=False, opens_at=datetime.time(9), closes_at=datetime.time(11)
    )
    refused_by_database(lambda: ScheduleExceptionFactory(is_closed=False))
    refused_by_database(
        lambda: ScheduleExceptionFactory(
            is_closed=False, opens_at=datetime.time(11), closes_at=datetime.time(9)
        )
    )
    refused_by_database(
        lambda: ScheduleExceptionFactory(
            is_closed=True, opens_at=datetime.time(9), closes_at=datetime.time(11)
        )
    )


@pytest.mark.parametrize("code", ["97008540151", "01234567897"])
def test_a_valid_body_tax_code_is_accepted(code):
    organization = OrganizationFactory.build(tax_code=code)
    organization.full_clean(exclude=["slug"])


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("97008540150", "check digit does not match"),
        ("1234", "11 digits"),
        ("RSSMRA80A01F205Y", "check character does not match"),
    ],
)
def test_an_invalid_tax_code_is_refused_with_a_message(code, message):
    organization = OrganizationFactory.build(tax_code=code)
    with pytest.raises(ValidationError) as excinfo:
        organization.full_clean()
    assert message in " ".join(excinfo.value.message_dict["tax_code"])


def test_tax_codes_are_unique_but_may_be_empty():
    OrganizationFactory(tax_code="97008540151")
    refused_by_database(lambda: OrganizationFactory(tax_code="97008540151"))
    OrganizationFactory(tax_code="")
    OrganizationFactory(tax_code="")
    assert Organization.objects.filter(tax_code="").count() == 2


def test_only_registered_forms_have_a_runts_number():
    parish = OrganizationFactory.build(legal_form=LegalForm.PARISH_CENTRE, runts_number="12345")
    with pytest.raises(ValidationError) as excinfo:
        parish.full_clean()
    assert "RUNTS" in " ".join(excinfo.value.message_dict["runts_number"])
    refused_by_database(
        lambda: OrganizationFactory(legal_form=LegalForm.SCHOOL, runts_number="12345")
    )
    OrganizationFactory(legal_form=LegalForm.ODV, runts_number="12345")


def test_a_physical_location_needs_address_and_municipality():
    location = Location(organization=OrganizationFactory(), name="Sede", kind="physical")
    with pytest.raises(ValidationError) as excinfo:
        location.full_clean()
    assert {"address", "municipality"} <= set(excinfo.value.message_dict)
    refused_by_database(lambda: LocationFactory(municipality=None))


def test_a_virtual_location_needs_no_address():
    location = Location(organization=OrganizationFactory(), name="Online", kind="virtual")
    location.full_clean()


def test_coordinates_are_both_given_and_in_range():
    refused_by_database(lambda: LocationFactory(latitude=45.0, longitude=None))
    refused_by_database(lambda: LocationFactory(latitude=95.0, longitude=9.0))
    location = LocationFactory.build(
        organization=OrganizationFactory(), municipality=MunicipalityFactory(), latitude=-91
    )
    with pytest.raises(ValidationError) as excinfo:
        location.full_clean()
    assert "latitude" in excinfo.value.message_dict


def test_categories_have_two_levels_within_one_taxonomy():
    child = Category.objects.get(slug="sostegno-alimentare")
    grandchild = Category(taxonomy=child.taxonomy, parent=child, name="Pacchi", slug="pacchi")
    with pytest.raises(ValidationError) as excinfo:
        grandchild.full_clean()
    assert "two levels" in " ".join(excinfo.value.message_dict["parent"])

    other_taxonomy_root = Category.objects.get(slug="sport").parent
    stray = Category(
        taxonomy=child.taxonomy, parent=other_taxonomy_root, name="Calcio", slug="calcio"
    )
    with pytest.raises(ValidationError) as excinfo:
        stray.full_clean()
    assert "same taxonomy" in " ".join(excinfo.value.message_dict["parent"])


def test_a_parent_category_cannot_become_a_child():
    root = Category.objects.get(slug="emergenze")
    root.parent = Category.objects.get(slug="sostegno-famiglie")
    with pytest.raises(ValidationError):
        root.full_clean()


def test_the_seeded_taxonomies_are_there():
    assert Category.objects.roots().filter(taxonomy__slug="aree-intervento").count() == 5
    assert Category.objects.filter(taxonomy__slug="temi-sportello").count() == 7
    assert Category.objects.filter(taxonomy__slug="azioni-rhodense").count() == 5


def test_with_descendants_includes_children():
    root = Category.objects.get(slug="emergenze")
    slugs = set(Category.objects.with_descendants(root).values_list("slug", flat=True))
    assert slugs == {
        "emergenze",
        "sostegno-alimentare",
        "sostegno-sanitario",
        "sostegno-economico",
    }


def test_age_queries_match_ranges():
    child = ActivityFactory(min_age=6, max_age=11)
    teen = ActivityFactory(min_age=14, max_age=18)
    anyone = ActivityFactory(min_age=None, max_age=None)
    assert set(Activity.objects.for_age(8)) == {child, anyone}
    assert set(Activity.objects.for_age_range(11, 14)) == {child, teen, anyone}


def test_public_hides_drafts_and_unpublished_organizations():
    visible = ActivityFactory()
    ActivityFactory(publication_status="draft")
    ActivityFactory(organization=OrganizationFactory(status="draft"))
    assert list(Activity.objects.public()) == [visible]


def test_current_hides_ended_and_expired():
    today = datetime.date(2026, 11, 22)
    running = ActivityFactory(valid_to=datetime.date(2026, 12, 31))
    ActivityFactory(status=Activity.Status.ENDED)
    ActivityFactory(valid_to=datetime.date(2026, 6, 30))
    ActivityFactory(valid_from=datetime.date(2027, 1, 1))
    assert list(Activity.objects.current(on=today)) == [running]
