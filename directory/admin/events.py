"""Events and their sessions, for coordinators: staff propose them from the association area
through the review (``directory/staff/views/events.py``); here a coordinator corrects one,
cancels it or takes it down."""

from django.contrib import admin
from django.db.models import Count, Q, Sum
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.admin.big_tables import ORGANIZATION_HEAVY, IndexedSearchMixin, across
from directory.admin.typed_filters import OrganizationFilter
from directory.models import Event, EventSession, EventSignup, Location
from linkrete.admin_scope import ScopedAdmin


class EventSessionInline(admin.TabularInline):
    """The sessions, each at one of the event's organization's places: read once for the
    form, not once a row (an autocomplete box per row asked for its place's name every row).
    A new event has no organization yet: its places are offered once it is saved."""

    model = EventSession
    extra = 0
    fields = ["date", "starts_at", "ends_at", "location", "online_url", "status", "note"]
    ordering = ["date", "starts_at"]

    def get_queryset(self, request):
        # A row's label names its event.
        return super().get_queryset(request).select_related("event")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields["location"]
        places = Location.objects.none()
        if obj is not None:
            places = Location.objects.filter(organization=obj.organization_id).order_by("name")
        field.queryset = places
        field.choices = [("", "---------"), *((place.pk, str(place)) for place in places)]
        return formset


@admin.register(Event)
class EventAdmin(ScopedAdmin, IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["title", "organization", "status", "publication_status", "updated_at"]
    list_filter = ["publication_status", "status", OrganizationFilter]
    ordering = IndexedSearchMixin.NEWEST_FIRST
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]
    list_defer = ("description", "accessibility", *across("organization", ORGANIZATION_HEAVY))
    autocomplete_fields = [
        "organization",
        "activity",
        "internal_network",
        "categories",
        "languages",
    ]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["signups_by_session", "created_at", "updated_at"]
    inlines = [EventSessionInline]

    @admin.display(description=_("sign-ups and attendance"))
    def signups_by_session(self, obj):
        """Per session, the families and places confirmed, those waiting and who came: counts
        only (names and contacts are the organization's, on its sign-up list), one query."""
        if obj.pk is None:
            return "—"
        active = ~Q(status=EventSignup.Status.CANCELLED)
        confirmed = Q(status=EventSignup.Status.CONFIRMED)
        rows = (
            EventSignup.objects.filter(active, session__event=obj)
            .values("session__date", "session__starts_at")
            .annotate(
                families=Count("pk", filter=confirmed),
                confirmed_places=Sum("places", filter=confirmed),
                waiting=Count("pk", filter=Q(status=EventSignup.Status.WAITING)),
                came=Sum("places", filter=Q(attended=True)),
            )
            .order_by("session__date", "session__starts_at")
        )
        if not rows:
            return gettext("No sign-up.")
        head = format_html(
            "<tr><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th><th scope='col'>{}</th></tr>",
            gettext("Session"),
            gettext("Families confirmed"),
            gettext("Places taken"),
            gettext("Waiting"),
            gettext("Came"),
        )
        body = format_html_join(
            "",
            "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    row["session__date"].strftime("%d/%m/%Y"),
                    row["session__starts_at"].strftime("%H:%M"),
                    row["families"],
                    row["confirmed_places"] or 0,
                    row["waiting"],
                    row["came"] or 0,
                )
                for row in rows
            ),
        )
        return format_html("<table><thead>{}</thead><tbody>{}</tbody></table>", head, body)
