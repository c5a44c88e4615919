"""Diary notes: the case team's, and the psychologists' only. A psychologist-only note is read
by the members of that case's team with the psychologist role and by nobody else, not the team
lead, not the other members of the case team."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from famiglie import services
from famiglie.models import Note, Role, Visibility
from linkrete.accounts import roles
from tests.factories import CaseTeamMemberFactory, NoteFactory, TeamMemberFactory, UserFactory

SECRET = "Seduta: racconta gli incubi del figlio."
SHARED = "Consegnato il pacco alimentare."


@pytest.fixture
def psychologist(role_groups, team, case):
    user = UserFactory(username="psicologa")
    user.groups.add(role_groups[roles.CASE_TEAM])
    TeamMemberFactory(team=team, user=user, role=Role.PSYCHOLOGIST)
    CaseTeamMemberFactory(case=case, user=user, role=Role.PSYCHOLOGIST)
    return user


@pytest.fixture
def notes(case, psychologist, case_worker):
    return (
        NoteFactory(
            case=case, author=psychologist, text=SECRET, visibility=Visibility.PSYCHOLOGIST
        ),
        NoteFactory(case=case, author=case_worker, text=SHARED),
    )


SEES_BOTH = {"psychologist"}
SEES_TEAM_NOTES = {"team_lead", "case_worker"}
ROLES = [
    "psychologist",
    "team_lead",
    "case_worker",
    "same_team_member",
    "other_team_member",
    "desk_operator",
    "staff",
    "coordinator",
    "anonymous",
]


@pytest.mark.parametrize("page", ["case_detail", "note_list"])
@pytest.mark.parametrize("role", ROLES)
def test_who_reads_which_note(request, client, case, notes, role, page):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(f"famiglie:{page}", args=[case.code]))
    body = response.content.decode()
    if role == "anonymous":
        assert response.status_code == 302
    elif role in SEES_BOTH:
        assert response.status_code == 200
        assert SECRET in body and SHARED in body
    elif role in SEES_TEAM_NOTES:
        assert response.status_code == 200
        assert SHARED in body
        assert SECRET not in body
    else:
        assert response.status_code == 404
    if role not in SEES_BOTH:
        assert SECRET not in body


def test_a_psychologist_of_another_case_of_the_team_reads_nothing(
    client, role_groups, team, case, notes
):
    other = UserFactory()
    other.groups.add(role_groups[roles.CASE_TEAM])
    TeamMemberFactory(team=team, user=other, role=Role.PSYCHOLOGIST)
    client.force_login(other)
    assert client.get(reverse("famiglie:note_list", args=[case.code])).status_code == 404


def test_a_psychologist_on_the_case_with_another_role_does_not_read_them(
    client, case, notes, same_team_member
):
    """The role on this case counts, not the profession in the équipe."""
    CaseTeamMemberFactory(case=case, user=same_team_member, role=Role.TUTOR)
    client.force_login(same_team_member)
    body = client.get(reverse("famiglie:note_list", args=[case.code])).content.decode()
    assert SHARED in body and SECRET not in body


def test_the_psychologist_writes_a_note_for_psychologists_only(client, case, psychologist):
    client.force_login(psychologist)
    url = reverse("famiglie:note_create", args=[case.code])
    assert "psychologist" in client.get(url).content.decode()
    response = client.post(url, {"text": SECRET, "visibility": "psychologist"})
    assert response.status_code == 302
    note = Note.objects.get()
    assert (note.author, note.visibility, note.text) == (psychologist, "psychologist", SECRET)
    # No line of the timeline tells the others that it exists.
    assert not case.events.exists()


def test_the_others_write_only_team_notes(client, case, case_worker):
    client.force_login(case_worker)
    url = reverse("famiglie:note_create", args=[case.code])
    assert 'name="visibility"' not in client.get(url).content.decode()
    # A hand-made form asking for psychologist-only is a team note all the same.
    client.post(url, {"text": SHARED, "visibility": "psychologist"})
    assert Note.objects.get().visibility == Visibility.TEAM


def test_the_service_refuses_a_psychologist_note_from_others(case, team_lead):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.note_write(
            case=case, note=Note(text=SECRET, visibility="psychologist"), by=team_lead
        )


def test_an_empty_note_is_refused_with_a_message(client, case, case_worker):
    client.force_login(case_worker)
    response = client.post(reverse("famiglie:note_create", args=[case.code]), {"text": " "})
    assert response.status_code == 400
    assert "obbligatorio" in response.content.decode()
    assert not Note.objects.exists()


def test_a_long_note_keeps_what_was_typed(client, case, case_worker):
    client.force_login(case_worker)
    text = "parola " * 800
    response = client.post(reverse("famiglie:note_create", args=[case.code]), {"text": text})
    assert response.status_code == 400
    assert "parola parola" in response.content.decode()


def test_each_note_read_leaves_an_audit_row(client, case, notes, psychologist):
    client.force_login(psychologist)
    client.get(reverse("famiglie:note_list", args=[case.code]))
    rows = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Note), action=LogEntry.Action.ACCESS
    )
    assert sorted(rows.values_list("object_id", flat=True)) == sorted(n.pk for n in notes)
    assert {row.actor for row in rows} == {psychologist}
    assert SECRET not in str(list(rows.values_list("object_repr", flat=True)))


def test_the_diary_pages(client, case, case_worker):
    for number in range(25):
        NoteFactory(case=case, text=f"Nota numero {number}.")
    client.force_login(case_worker)
    url = reverse("famiglie:note_list", args=[case.code])
    first = client.get(url).content.decode()
    assert "Nota numero 24." in first and "Nota numero 4." not in first
    assert "Nota numero 4." in client.get(url + "?pagina=2").content.decode()
    assert client.get(url + "?pagina=9").status_code == 404
    assert client.get(url + "?pagina=x").status_code == 404


@pytest.mark.parametrize("text", ["a\x00b", "x" * 6000, ""])
def test_odd_text_answers_400_and_nothing_is_saved(client, case, psychologist, text):
    client.force_login(psychologist)
    response = client.post(
        reverse("famiglie:note_create", args=[case.code]),
        {"text": text, "visibility": "altro"},
    )
    assert response.status_code == 400
    assert not Note.objects.exists()
