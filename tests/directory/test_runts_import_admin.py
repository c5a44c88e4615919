"""The admin's RUNTS import pages: upload, dry run, import, undo, template, permissions."""

import io

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from directory import tasks
from directory.models import ImportBatch, Organization
from tests.directory.runts_files import body_tax_code, runts_csv, runts_xlsx
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:directory_importbatch_add")
LIST = reverse("admin:directory_importbatch_changelist")
TEMPLATE = reverse("admin:directory_importbatch_template")


def detail(batch):
    return reverse("admin:directory_importbatch_change", args=[batch.pk])


@pytest.fixture
def forli(db):
    return MunicipalityFactory(
        istat_code="040012", name="Forlì", province="Forlì-Cesena", province_code="FC"
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def rows(count, bad=()):
    return [
        [body_tax_code(n), f"Ente {n}", "z" if n in bad else "a", "", "Forlì", "FC", str(n)]
        for n in range(1, count + 1)
    ]


def upload(client, content, name="enti.xlsx", **options):
    data = {"file": SimpleUploadedFile(name, content), **options}
    return client.post(ADD, data)


def test_a_dry_run_shows_what_would_change_then_the_coordinator_imports_it(
    coordinator_client, forli
):
    response = upload(coordinator_client, runts_xlsx(rows(3)), dry_run="on")

    checked = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(checked)
    assert checked.status == ImportBatch.Status.CHECKED
    assert not Organization.objects.exists()
    page = coordinator_client.get(detail(checked)).content.decode()
    assert "Importa" in page
    assert "organizzazioni da creare" in page

    response = coordinator_client.post(
        reverse("admin:directory_importbatch_import", args=[checked.pk])
    )

    assert Organization.objects.count() == 3
    done = ImportBatch.objects.exclude(pk=checked.pk).get()
    assert done.status == ImportBatch.Status.DONE
    assert response["Location"] == detail(done)
    checked.refresh_from_db()
    assert checked.source is None


def test_the_errors_are_listed_by_row_and_column_and_nothing_is_imported(coordinator_client, forli):
    upload(coordinator_client, runts_csv(rows(4, bad={2, 4})), name="enti.csv")

    batch = ImportBatch.objects.get()
    page = coordinator_client.get(detail(batch)).content.decode()
    assert batch.status == ImportBatch.Status.REJECTED
    assert not Organization.objects.exists()
    assert "2 errori" in page
    assert "<td>3</td><td>Sezione</td>" in page
    assert "<td>5</td><td>Sezione</td>" in page
    assert "non è una sezione del RUNTS" in page


def test_skipping_the_bad_rows_is_a_choice_the_coordinator_makes(coordinator_client, forli):
    upload(coordinator_client, runts_xlsx(rows(4, bad={2})), skip_errors="on")

    assert Organization.objects.count() == 3


def test_a_wrong_file_is_refused_on_the_form_and_nothing_is_kept(coordinator_client, forli):
    response = upload(coordinator_client, b"hello", name="enti.pdf")

    assert response.status_code == 200
    assert "Carica un file Excel (.xlsx) o CSV (.csv)" in response.content.decode()
    assert not ImportBatch.objects.exists()

    response = coordinator_client.post(ADD, {})
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()


def test_a_damaged_workbook_is_reported_not_a_server_error(coordinator_client, forli):
    response = upload(coordinator_client, b"PK\x03\x04 broken")

    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert batch.status == ImportBatch.Status.REJECTED
    assert "Non riusciamo a leggere" in coordinator_client.get(detail(batch)).content.decode()


def test_a_large_file_goes_to_the_worker_and_its_page_shows_the_progress(
    coordinator_client, forli, settings, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(tasks, "IMPORT_IMMEDIATE_BYTES", 100)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(coordinator_client, runts_xlsx(rows(5)))

    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.PENDING
    assert not Organization.objects.exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("in background" in m for m in messages), messages
    assert (
        "Righe controllate finora: 0 di 0" in coordinator_client.get(detail(batch)).content.decode()
    )
    task = DBTaskResult.objects.get()
    assert (task.task_path, task.args_kwargs["args"]) == ("directory.tasks.run_import", [batch.pk])

    assert tasks.run_import.call(batch.pk) == ImportBatch.Status.DONE
    assert Organization.objects.count() == 5
    assert tasks.run_import.call(batch.pk) == "nothing to do"


def test_undo_asks_first_then_deletes_what_the_import_created(coordinator_client, forli):
    upload(coordinator_client, runts_xlsx(rows(2)))
    batch = ImportBatch.objects.get()
    undo = reverse("admin:directory_importbatch_undo", args=[batch.pk])

    assert "Sì, annulla" in coordinator_client.get(undo).content.decode()
    assert Organization.objects.count() == 2
    response = coordinator_client.post(undo)

    assert response["Location"] == detail(batch)
    assert not Organization.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UNDONE
    # Twice is refused with a message, not an error page.
    response = coordinator_client.post(undo, follow=True)
    assert response.status_code == 200
    assert "Si può annullare solo" in response.content.decode()


def test_the_template_is_a_workbook_with_the_headings(coordinator_client):
    response = coordinator_client.get(TEMPLATE)

    assert response.status_code == 200
    assert "modello-runts.xlsx" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:3] == ["Codice fiscale", "Denominazione", "Sezione"]


@pytest.fixture
def batch(db):
    return ImportBatch.objects.create(file_name="enti.xlsx", status=ImportBatch.Status.DONE)


def urls(batch):
    return [
        LIST,
        ADD,
        TEMPLATE,
        detail(batch),
        reverse("admin:directory_importbatch_undo", args=[batch.pk]),
    ]


def test_anonymous_people_are_sent_to_sign_in(client, batch):
    for url in urls(batch):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "?next=" in response["Location"]


@pytest.mark.parametrize("who", ["staff", "other_staff", "desk_operator"])
def test_only_coordinators_may_import_others_get_403(client, batch, request, who):
    user = request.getfixturevalue(who)
    user.is_staff = True  # even one let into the admin for something else
    user.save()
    client.force_login(user)

    for url in urls(batch):
        assert client.get(url).status_code == 403, url
    assert upload(client, b"x").status_code == 403
    assert (
        client.post(reverse("admin:directory_importbatch_undo", args=[batch.pk])).status_code == 403
    )
    assert ImportBatch.objects.count() == 1


def test_a_batch_that_does_not_exist_is_404(coordinator_client):
    for url in [
        reverse("admin:directory_importbatch_change", args=[999]),
        reverse("admin:directory_importbatch_undo", args=[999]),
        reverse("admin:directory_importbatch_import", args=[999]),
    ]:
        assert coordinator_client.get(url).status_code == 404, url


@pytest.mark.parametrize("size", [1, 10])
def test_the_list_and_a_batch_page_take_a_fixed_number_of_queries(
    coordinator_client, django_assert_num_queries, size
):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    made = [
        ImportBatch.objects.create(
            file_name=f"enti-{n}.xlsx",
            created_by=superuser,
            errors=[{"row": r, "column": "Comune", "message": "x"} for r in range(size)],
        )
        for n in range(size)
    ]
    coordinator_client.get(LIST)  # the session and the coordinator's group, once

    # The coordinator's role on every page: the imports are super-coordinators' only.
    with django_assert_num_queries(9):
        assert coordinator_client.get(LIST).status_code == 200
    with django_assert_num_queries(7):
        assert coordinator_client.get(detail(made[-1])).status_code == 200
