"""The desks' figures: accesses by topic, channel, desk, month, age band and outcome, and the
referrals by state with the median time to answer. The accesses come from their monthly rollup
(``access_counts``: one or two grouped queries each, whatever their number), the referrals
from one grouped query on the referrals of the network's members.
"""

from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.indicators import access_counts
from directory.indicators.rows import MEASURE, Column, EpochSeconds, Indicator, Median, Row
from directory.models import SourceType
from famiglie.areas import Area
from sportelli.access import coordinated_referrals
from sportelli.models import (
    AgeBand,
    Channel,
    Dimension,
    NeedSignal,
    Outcome,
    Referral,
    ReferralEvent,
    ReferralStatus,
)

ACCESSES = Column(_("accesses"))
REFERRALS = Column(_("referrals"))
SECONDS_IN_A_DAY = 86400


def _by_choice(key, title, dimension, choices, scope, period):
    counts = access_counts.by_field(scope, period, dimension)
    rows = [Row(str(label), (counts[value],)) for value, label in choices if counts.get(value)]
    return Indicator(key, title, dimension.label, (ACCESSES,), rows)


def accesses_by_channel(scope, period):
    return _by_choice(
        "accesses_by_channel",
        _("Desk accesses by channel"),
        Dimension.CHANNEL,
        Channel.choices,
        scope,
        period,
    )


def accesses_by_age_band(scope, period):
    return _by_choice(
        "accesses_by_age_band",
        _("Desk accesses by age band"),
        Dimension.AGE_BAND,
        AgeBand.choices,
        scope,
        period,
    )


def accesses_by_outcome(scope, period):
    return _by_choice(
        "accesses_by_outcome",
        _("Desk accesses by outcome"),
        Dimension.OUTCOME,
        Outcome.choices,
        scope,
        period,
    )


def _most_first(counts):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def accesses_by_topic(scope, period):
    """An access with two topics counts once under each."""
    return Indicator(
        "accesses_by_topic",
        _("Desk accesses by topic"),
        _("topic"),
        (ACCESSES,),
        # An access without a topic (none in the form's rules) has no row.
        [Row(name, (n,)) for name, n in _most_first(access_counts.by_topic_name(scope, period))],
        note=_("An access about two topics counts under each of them."),
    )


def accesses_by_desk(scope, period):
    return Indicator(
        "accesses_by_desk",
        _("Desk accesses by desk"),
        _("desk"),
        (ACCESSES,),
        [Row(name, (n,)) for name, n in _most_first(access_counts.by_desk_name(scope, period))],
    )


def accesses_by_month(scope, period):
    return Indicator(
        "accesses_by_month",
        _("Desk accesses by month"),
        _("month"),
        (ACCESSES,),
        [
            Row(capfirst(formats.date_format(month, "F Y")), (n,))
            for month, n in sorted(access_counts.by_month(scope, period).items())
        ],
    )


def referrals_by_state(scope, period):
    """Referrals sent or received by the network's members in the period, by state, with the
    median days from sending to the first answer (accepted or declined)."""
    answered = (
        ReferralEvent.objects.filter(referral=OuterRef("pk"), from_status=ReferralStatus.SENT)
        .order_by()
        .values("referral")
        .annotate(first=Min("at"))
        .values("first")
    )
    rows = (
        Referral.objects.filter(
            coordinated_referrals(scope),
            created_at__gte=period.first_instant,
            created_at__lt=period.instant_after,
        )
        .order_by()
        .annotate(answered_at=Subquery(answered))
        .values("status")
        .annotate(
            n=Count("pk"),
            median=Median(
                EpochSeconds(F("answered_at") - F("created_at")),
                filter=Q(answered_at__isnull=False),
            ),
        )
    )
    found = {row["status"]: row for row in rows}
    return Indicator(
        "referrals_by_state",
        _("Referrals by state"),
        _("state"),
        (Column(_("referrals")), Column(_("median days to answer"), MEASURE)),
        [
            Row(str(label), (found[value]["n"], _days(found[value]["median"])))
            for value, label in ReferralStatus.choices
            if value in found
        ],
        note=_(
            "Referrals sent or received by the network's members in the period. Declined and "
            "closed are their outcomes; the outcome's text is not counted."
        ),
    )


def _days(seconds):
    return None if seconds is None else round(seconds / SECONDS_IN_A_DAY, 1)


def referrals_by_source_type(scope, period):
    """The referrals the network's access points sent in the period (``Referral.source_type``:
    bank, patronato, company, school, other), by the kind of body that sent them."""
    counts = dict(
        Referral.objects.filter(
            from_organization__in=sorted(scope.organizations),
            created_at__gte=period.first_instant,
            created_at__lt=period.instant_after,
        )
        .exclude(source_type="")
        .order_by()
        .values_list("source_type")
        .annotate(n=Count("pk"))
    )
    rows = [
        Row(str(label), (counts[value],))
        for value, label in SourceType.choices
        if counts.get(value)
    ]
    return Indicator(
        "referrals_by_source_type",
        _("Referrals from access points by source type"),
        _("source type"),
        (REFERRALS,),
        rows,
    )


def emerging_need_signals(scope, period):
    """The anonymous emerging-need signals sent to the network in the period, by area of need
    (the coordinators' page ``/sportelli/bisogni-emergenti/`` has them by municipality)."""
    counts = dict(
        NeedSignal.objects.filter(
            network__in=sorted(scope.networks),
            created_at__gte=period.first_instant,
            created_at__lt=period.instant_after,
        )
        .order_by()
        .values_list("area")
        .annotate(n=Count("pk"))
    )
    rows = [Row(str(label), (counts[value],)) for value, label in Area.choices if counts.get(value)]
    return Indicator(
        "emerging_need_signals",
        _("Emerging-need signals by area"),
        _("area of need"),
        (Column(_("signals")),),
        rows,
    )
