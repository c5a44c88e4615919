"""axe-core on every kind of page, at phone width, for each person who would open it.

The flow tests check the pages of the flows that matter step by step; this sweep makes sure no
page type is left without an accessibility check: public pages, the association area, the
coordinators' review, the desk console and referrals.
"""

import pytest

from directory.models import VolunteeringCall
from directory.views.calls import CALLS_PER_PAGE
from sportelli import services
from sportelli.views.public import DESKS_PER_PAGE
from tests.factories import (
    ActivityFactory,
    BoardPostFactory,
    CourseFactory,
    DeskExceptionFactory,
    DeskFactory,
    LocationFactory,
    TrainingPlanFactory,
    VolunteerFactory,
    VolunteerHoursFactory,
    VolunteeringCallFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(organization, other_organization, desk, desk_operator):
    location = LocationFactory(organization=organization)
    activity = ActivityFactory(organization=organization, slug="doposcuola", title="Doposcuola")
    activity.locations.add(location)
    volunteer = VolunteerFactory(organization=organization)
    VolunteerHoursFactory(volunteer=volunteer, activity=activity)
    course = CourseFactory(plan=TrainingPlanFactory(organization=organization))
    post = BoardPostFactory(organization=other_organization)
    call = VolunteeringCallFactory(organization=organization, slug="aiuto-compiti")
    pending_call = VolunteeringCallFactory(
        organization=organization, review_status=VolunteeringCall.ReviewStatus.PENDING
    )
    DeskExceptionFactory(desk=desk)
    referral = services.referral_create(
        sent_by=desk_operator,
        from_desk=desk,
        to_organization=organization,
        person_name="Persona Segnalata",
        person_contact="333",
        need="Aiuto",
        consent_to_share=True,
    )
    return {
        "activity": activity,
        "location": location,
        "volunteer": volunteer,
        "course": course,
        "post": post,
        "call": call,
        "pending_call": pending_call,
        "referral": referral,
    }


def sweep(page, assert_accessible, paths):
    for path in paths:
        response = page.goto(path)
        assert response.status < 400, (path, response.status)
        assert_accessible(page)


def test_public_pages(page, assert_accessible, world, desk):
    sweep(
        page,
        assert_accessible,
        [
            "/",
            "/en/",
            "/?passo=3",
            "/cerca/luogo/?dove=nessunluogo",
            "/cerca/?q=doposcuola",
            "/cerca/?q=nessunrisultatopossibile&eta=3",
            world["activity"].get_absolute_url(),
            world["activity"].organization.get_absolute_url(),
            "/la-mia-lista/",
            f"/la-mia-lista/condivisa/?a={world['activity'].slug}",
            "/sportelli/",
            desk.get_absolute_url(),
            f"/sportelli/{desk.slug}/prenota/",
            "/volontariato/",
            world["call"].get_absolute_url(),
            "/accesso/",
            "/area-enti/password/",
        ],
    )


def test_a_page_that_does_not_exist(page, assert_accessible, world):
    response = page.goto("/attivita/non-esiste/")
    assert response.status == 404
    assert_accessible(page)


def test_association_area(page, assert_accessible, sign_in, world, staff, organization):
    sign_in(page, staff)
    org = f"/area-enti/enti/{organization.slug}/"
    sweep(
        page,
        assert_accessible,
        [
            "/area-enti/",
            org,
            org + "profilo/",
            org + f"sedi/{world['location'].pk}/",
            org + f"attivita/{world['activity'].pk}/",
            org + f"attivita/{world['activity'].pk}/orari/",
            org + "modifiche/",
            org + "membri/",
            org + "volontari/",
            org + f"volontari/{world['volunteer'].pk}/",
            org + "volontari/nuovo/",
            org + "ore/",
            org + "ore/totali/",
            org + "formazione/",
            org + f"formazione/corsi/{world['course'].pk}/",
            org + "chiamate/",
            org + "chiamate/nuova/",
            org + "candidature/",
            "/area-enti/corsi-aperti/",
            "/area-enti/bacheca/",
            "/area-enti/bacheca/nuovo/",
            f"/area-enti/bacheca/{world['post'].pk}/",
            "/sportelli/segnalazioni/",
            world["referral"].get_absolute_url(),
        ],
    )


def test_coordinators_review(page, assert_accessible, sign_in, world, coordinator):
    sign_in(page, coordinator)
    sweep(
        page,
        assert_accessible,
        [
            "/area-enti/",
            "/area-enti/revisioni/",
            "/area-enti/revisioni/chiamate/",
            f"/area-enti/revisioni/chiamate/{world['pending_call'].pk}/",
        ],
    )


def test_desk_console(page, assert_accessible, sign_in, world, desk, desk_operator):
    sign_in(page, desk_operator)
    sweep(
        page,
        assert_accessible,
        [
            "/sportelli/console/",
            "/sportelli/console/?vista=settimana",
            f"/sportelli/console/{desk.slug}/accessi/nuovo/",
            f"/sportelli/console/{desk.slug}/chiusure/",
            "/sportelli/console/accessi/",
            "/sportelli/segnalazioni/",
            "/sportelli/segnalazioni/nuova/",
            world["referral"].get_absolute_url(),
        ],
    )


def test_the_paged_public_lists(page, assert_accessible, world, desk):
    """The pager, the place search and its notices on the lists that come in pages."""
    for _n in range(CALLS_PER_PAGE + 1):
        VolunteeringCallFactory(organization=world["call"].organization)
    for _n in range(DESKS_PER_PAGE + 1):
        DeskFactory()
    sweep(
        page,
        assert_accessible,
        [
            "/volontariato/",
            "/volontariato/?pagina=2",
            "/volontariato/?pagina=99&comune=000000",
            "/sportelli/?pagina=2",
            "/sportelli/?zona=nessuna",
            world["activity"].organization.get_absolute_url() + "?pagina=tre",
        ],
    )
    page.goto("/volontariato/")
    assert page.locator("nav.pagination-wrapper a[rel=next]").count() == 1
