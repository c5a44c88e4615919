import pytest
from django.core.cache import cache
from django.urls import reverse

from directory.models import ProblemReport, PublicationStatus
from directory.views.public import REPORTS_PER_HOUR
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def activity():
    return ActivityFactory(title="Doposcuola", slug="doposcuola")


def report_url(activity):
    return reverse("directory:activity_report_problem", kwargs={"slug": activity.slug})


def test_report_lands_in_the_queue_and_redirects_back_with_a_message(client, activity):
    response = client.post(
        report_url(activity),
        {"problems": ["hours", "phone"], "message": "Il sabato è chiuso."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == activity.get_absolute_url()
    assert "Grazie: i coordinatori" in response.content.decode()
    report = ProblemReport.objects.get()
    assert report.activity == activity
    assert report.organization == activity.organization
    assert report.problems == ["hours", "phone"]
    assert report.message == "Il sabato è chiuso."
    assert report.status == ProblemReport.Status.NEW


def test_report_form_offers_the_checklist_and_no_personal_fields(client, activity):
    content = client.get(activity.get_absolute_url()).content.decode()
    for problem in ProblemReport.Problem.values:
        assert f'value="{problem}"' in content
    assert 'name="email"' not in content
    assert 'name="name"' not in content


def test_an_empty_report_is_refused(client, activity):
    response = client.post(report_url(activity), {"message": "  "})
    assert response.status_code == 400
    assert "Selezionare che cosa non va oppure scrivere un messaggio." in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_honeypot_filled_in_is_not_saved_but_looks_accepted(client, activity):
    response = client.post(
        report_url(activity),
        {"problems": ["other"], "message": "Buy now", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()


def test_reports_are_rate_limited_per_client(client, activity):
    for _ in range(REPORTS_PER_HOUR + 2):
        client.post(report_url(activity), {"problems": ["closed"]})
    assert ProblemReport.objects.count() == REPORTS_PER_HOUR

    other_client = client.__class__(REMOTE_ADDR="203.0.113.9")
    other_client.post(report_url(activity), {"problems": ["closed"]})
    assert ProblemReport.objects.count() == REPORTS_PER_HOUR + 1


def test_reporting_on_a_draft_is_not_found(client, activity):
    activity.publication_status = PublicationStatus.DRAFT
    activity.save()
    assert client.post(report_url(activity), {"problems": ["closed"]}).status_code == 404


def test_report_needs_post(client, activity):
    assert client.get(report_url(activity)).status_code == 405
