import io

from django.core.management import call_command

from directory.models import BoardPost, Volunteer, VolunteerHours, VolunteeringCallTranslation


def test_seed_association_area_is_idempotent(db):
    call_command("seed_association_area", stdout=io.StringIO())
    counts = (Volunteer.objects.count(), VolunteerHours.objects.count(), BoardPost.objects.count())
    assert counts[0] > 0 and counts[1] > 0
    call_command("seed_association_area", stdout=io.StringIO())
    assert counts == (
        Volunteer.objects.count(),
        VolunteerHours.objects.count(),
        BoardPost.objects.count(),
    )
    # The after-school calls in English and Arabic, once each.
    translated = VolunteeringCallTranslation.objects.filter(call__slug__endswith="-doposcuola")
    assert set(translated.values_list("language", flat=True)) == {"en", "ar"}
    assert translated.count() == 2 * translated.values("call").distinct().count()
