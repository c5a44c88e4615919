import pytest

from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    BoardPostFactory,
    CourseFactory,
    EventSessionFactory,
    JobOfferFactory,
    LocationFactory,
    VolunteerFactory,
    VolunteeringCallFactory,
)


@pytest.fixture
def org_objects(organization, staff):
    """One of each record of ``organization`` that the staff pages open by primary key."""
    activity = ActivityFactory(organization=organization)
    location = LocationFactory(organization=organization)
    volunteer = VolunteerFactory(organization=organization)
    course = CourseFactory(plan__organization=organization, is_open_to_network=True)
    call = VolunteeringCallFactory(organization=organization)
    application = ApplicationFactory(call=call)
    post = BoardPostFactory(organization=organization, author=staff)
    event = EventSessionFactory(event__organization=organization).event
    job_offer = JobOfferFactory(organization=organization)
    return {
        "job_offer": job_offer,
        "activity": activity,
        "location": location,
        "volunteer": volunteer,
        "course": course,
        "call": call,
        "application": application,
        "post": post,
        "event": event,
    }
