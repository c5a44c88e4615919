"""Anonymising closed cases: who the family was goes, and with it the history and the audit
rows of reads of every record of the household and its cases; other households keep theirs."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.urls import reverse

from famiglie import services
from famiglie.models import Household, Note
from tests.factories import CaseFactory, MemberFactory, NoteFactory

LONG_AGO = datetime.datetime(2015, 1, 10, 10, 0, tzinfo=datetime.UTC)


def _entries_about(case):
    from famiglie.audit import entries_for_case

    return entries_for_case(case).count()


def _run(*args):
    out = io.StringIO()
    call_command("anonymise_closed_cases", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def old_and_recent(client, case, case_worker, team_lead):
    """``case``, read and changed, closed long ago; another closed last month."""
    services.note_write(case=case, note=Note(text="Colloquio."), by=case_worker)
    client.force_login(case_worker)
    client.get(reverse("famiglie:case_detail", args=[case.code]))
    services.case_move(case=case, to_state="closed", by=team_lead, note="Trasferiti.")
    case.__class__.objects.filter(pk=case.pk).update(closed_at=LONG_AGO)

    recent = CaseFactory(team=case.team, state="closed", closure_reason="Fine.")
    recent.__class__.objects.filter(pk=recent.pk).update(
        closed_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    )
    MemberFactory(household=recent.household, first_name="Samira")
    NoteFactory(case=recent)
    return case, recent


@pytest.mark.usefixtures("pinned_now")
def test_the_household_and_its_audit_rows_go(old_and_recent):
    old, recent = old_and_recent
    assert _entries_about(old) > 0
    recent_entries = _entries_about(recent)
    assert recent_entries > 0

    output = _run()
    assert (
        output.strip()
        == f"1 households anonymised, {output.split()[3]} history and audit rows deleted."
    )
    household = Household.objects.get(pk=old.household_id)
    assert household.anonymised_at is not None
    assert not household.members.exists() and household.phone == ""
    assert not Note.objects.filter(case=old).exists()
    assert _entries_about(old) == 0
    assert _entries_about(recent) == recent_entries
    assert (
        LogEntry.objects.filter(object_id=household.pk, content_type__model="household").count()
        == 0
    )
    # The case stays, for the indicators.
    old.refresh_from_db()
    assert old.state == "closed"
    assert _run().strip() == "0 households anonymised, 0 history and audit rows deleted."


@pytest.mark.usefixtures("pinned_now")
def test_a_shorter_period_can_be_asked(old_and_recent):
    _old, recent = old_and_recent
    assert _run("--years", "1").startswith("1 households")
    assert Household.objects.get(pk=recent.household_id).anonymised_at is None
    with pytest.raises(CommandError):
        _run("--years", "0")


@pytest.mark.usefixtures("pinned_now")
def test_apply_retention_does_it_too(old_and_recent):
    old, _recent = old_and_recent
    call_command("apply_retention", stdout=io.StringIO())
    assert Household.objects.get(pk=old.household_id).anonymised_at is not None
    assert _entries_about(old) == 0
