"""Writes of the signed-in area that span several models, send mail or publish public data."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.models import (
    AccessPointReferrer,
    Activity,
    Application,
    BoardPost,
    Course,
    Event,
    Invitation,
    InvitationRole,
    Location,
    Membership,
    Organization,
    PlaceRequest,
    Revision,
    Volunteer,
    VolunteerHours,
    VolunteeringCall,
)
from directory.staff.revision_kinds import kind_of
from directory.staff.slugs import unique_slug
from linkrete.accounts import roles, scope
from linkrete.mail import Mail, send_at_commit

# Images uploaded with a revision wait here until it is approved; they stay with the revision.
REVISION_IMAGE_DIR = "revisions"


def store_revision_image(image: ContentFile) -> str:
    return default_storage.save(f"{REVISION_IMAGE_DIR}/{image.name}", image)


# Revisions ----------------------------------------------------------------------------------


@transaction.atomic
def revision_submit(
    *,
    author,
    organization: Organization,
    kind: str,
    data: dict,
    location: Location | None = None,
    activity: Activity | None = None,
    event: Event | None = None,
) -> Revision:
    """Record a proposed change; trusted organizations and their networks' coordinators publish
    at once."""
    # Fresh copies: a bound ModelForm has already written the proposed values onto the
    # instances the view holds, and ``previous`` must show what is published now.
    organization = Organization.objects.get(pk=organization.pk)
    location = Location.objects.get(pk=location.pk) if location else None
    activity = Activity.objects.get(pk=activity.pk) if activity else None
    event = Event.objects.get(pk=event.pk) if event else None
    revision = Revision(
        organization=organization,
        kind=kind,
        location=location,
        activity=activity,
        event=event,
        data=data,
        author=author,
    )
    entry = kind_of(revision)
    target = entry.target(revision)
    revision.is_new = target.pk is None
    revision.previous = entry.previous_values(revision, target)
    revision.full_clean()
    revision.save()
    if organization.is_trusted or scope.coordinates(author, organization.pk):
        # The approved copy: the caller tells the author it is public, and where.
        revision = revision_approve(revision=revision, reviewer=author, published_directly=True)
    return revision


@transaction.atomic
def revision_set_hours(*, revision: Revision, hours: dict) -> Revision:
    """Opening hours for a new activity still waiting for review: they travel in its revision
    and are published with it, so it never goes public without them for want of an id."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != Revision.Status.PENDING:
        raise ValidationError(_("This change has already been reviewed."))
    if not kind_of(revision).takes_pending_hours(revision):
        raise ValidationError(_("Only a new activity waiting for review takes hours here."))
    revision.data = {**revision.data, "hours": hours}
    revision.full_clean()
    revision.save()
    return revision


@transaction.atomic
def revision_approve(*, revision: Revision, reviewer, published_directly: bool = False) -> Revision:
    """Publish the proposed values: the public page changes here and only here."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != Revision.Status.PENDING:
        raise ValidationError(_("This change has already been reviewed."))
    entry = kind_of(revision)
    entry.apply(revision)
    # What the approved change touches is what families search by.
    entry.refresh_search(revision)
    revision.status = Revision.Status.APPROVED
    revision.reviewer = reviewer
    revision.reviewed_at = timezone.now()
    revision.published_directly = published_directly
    revision.full_clean()
    revision.save()
    return revision


@transaction.atomic
def revision_reject(*, revision: Revision, reviewer, reason: str) -> Revision:
    """Keep the revision and its text; the author can reopen it, correct it and send it again."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != Revision.Status.PENDING:
        raise ValidationError(_("This change has already been reviewed."))
    revision.status = Revision.Status.REJECTED
    revision.reviewer = reviewer
    revision.reviewed_at = timezone.now()
    revision.reason = reason
    revision.full_clean()
    revision.save()
    # The image was never published: drop the file, once the rejection is certain. The
    # revision keeps its text (and the path, as a record that an image was proposed).
    image = revision.data.get("image")
    if isinstance(image, str) and image.startswith(f"{REVISION_IMAGE_DIR}/"):
        transaction.on_commit(lambda: default_storage.delete(image))
    return revision


@transaction.atomic
def organization_mark_verified(*, organization: Organization, user) -> Organization:
    organization.last_verified = timezone.localdate()
    organization.save(update_fields=["last_verified", "updated_at"])
    return organization


# Accounts -----------------------------------------------------------------------------------


def invitation_url(request, user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("staff:invitation_accept", kwargs={"uidb64": uid, "token": token})
    return request.build_absolute_uri(path)


@transaction.atomic
def staff_invite(
    *, request, invited_by, email: str, first_name: str, last_name: str, organization, role: str
) -> Invitation:
    """Invite someone to the organization: an invitation, never a membership, whatever the
    e-mail. An address without an account gets one without a password (the link sets it); an
    existing account is asked to accept, signed in. The manager is answered the same either
    way, so the form does not tell which addresses have an account."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif role == InvitationRole.ACCESS_POINT:
        if AccessPointReferrer.objects.filter(user=user, organization=organization).exists():
            raise ValidationError(
                _("%(email)s already refers for this access point.") % {"email": email}
            )
    elif Membership.objects.filter(user=user, organization=organization).exists():
        # Members are listed to the managers already: this tells them nothing new.
        raise ValidationError(
            _("%(email)s is already a member: change the role in the list of members.")
            % {"email": email}
        )
    token = secrets.token_urlsafe(32)
    invitation, _created = Invitation.objects.update_or_create(
        user=user,
        organization=organization,
        accepted_at__isnull=True,
        defaults={
            "role": role,
            "invited_by": invited_by,
            "token_hash": Invitation.hash_token(token),
            "expires_at": timezone.now()
            + datetime.timedelta(days=settings.LINKRETE_INVITATION_DAYS),
        },
    )
    context = {
        "user": user,
        "organization": organization,
        "invited_by": invited_by,
        "url": request.build_absolute_uri(
            reverse("staff:invitation_open", kwargs={"token": token})
        ),
        "has_account": user.has_usable_password(),
        "access_point": role == InvitationRole.ACCESS_POINT,
        "expires_at": invitation.expires_at,
    }
    # What the manager needs if the mail does not go: the link, to pass on by hand (only its
    # hash is stored), and the mail's outcome once the transaction commits: sent in the request,
    # not queued, so the page can say so and the link is never stored in the task queue.
    invitation.url = context["url"]
    invitation.mail = send_at_commit(
        Mail(
            kind="staff_invitation",
            reference=f"invitation {invitation.pk}",
            subject=_("Invitation to the network area of %(organization)s")
            % {"organization": organization},
            body=render_to_string("staff/email/invitation.txt", context),
            to=user.email,
        ),
        lambda status: setattr(invitation, "mail", status),
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership | AccessPointReferrer:
    """The invited account joins the organization with the role it was invited to: a
    membership, or for an access point's referrer only that light role (no membership)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.user_id != user.pk:
        raise ValidationError(_("This invitation was sent to another account."))
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation is no longer valid."))
    if invitation.role == InvitationRole.ACCESS_POINT:
        joined, _created = AccessPointReferrer.objects.get_or_create(
            user=user, organization=invitation.organization
        )
        group = roles.ACCESS_POINT
    else:
        joined, _created = Membership.objects.get_or_create(
            user=user, organization=invitation.organization, defaults={"role": invitation.role}
        )
        group = roles.ORGANIZATION_STAFF
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return joined


def invitations_accept_all(*, user) -> list[Membership | AccessPointReferrer]:
    """Every open invitation of an account that has just chosen its first password through
    an invitation's link: choosing it is the acceptance."""
    return [
        invitation_accept(invitation=invitation, user=user)
        for invitation in Invitation.objects.pending().filter(user=user)
    ]


def _check_keeps_a_manager(membership: Membership, changed_by) -> None:
    """An organization keeps at least one manager, unless a coordinator decides otherwise
    (someone must be able to remove the last member of an organization that closes)."""
    if membership.role != Membership.Role.MANAGER or scope.coordinates(
        changed_by, membership.organization_id
    ):
        return
    # Lock the managers' rows: two managers demoting each other at once must not both succeed.
    managers = list(
        Membership.objects.select_for_update()
        .filter(organization_id=membership.organization_id, role=Membership.Role.MANAGER)
        .values_list("pk", flat=True)
    )
    if managers != [membership.pk]:
        return
    if membership.user_id == changed_by.pk:
        raise ValidationError(
            _(
                "You are the organization's only manager: make another member a manager "
                "before you step down or leave."
            )
        )
    name = membership.user.get_full_name() or membership.user.get_username()
    raise ValidationError(
        _("%(name)s is the organization's only manager: make another member a manager first.")
        % {"name": name}
    )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, changed_by) -> Membership:
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    if membership.role == role:
        return membership
    if role != Membership.Role.MANAGER:
        _check_keeps_a_manager(membership, changed_by)
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by) -> None:
    """The user leaves the organization; what they wrote (revisions, hours logged) stays."""
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    _check_keeps_a_manager(membership, removed_by)
    user = membership.user
    membership.delete()
    if not user.memberships.exists():
        user.groups.remove(*user.groups.filter(name=roles.ORGANIZATION_STAFF))


# Volunteers ---------------------------------------------------------------------------------


@transaction.atomic
def volunteer_hours_log(*, volunteer: Volunteer, logged_by, **values) -> VolunteerHours:
    entry = VolunteerHours(volunteer=volunteer, logged_by=logged_by, **values)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def volunteer_leave(*, volunteer: Volunteer, on) -> Volunteer:
    """The volunteer leaves the register's active list; the record and hours stay."""
    volunteer.end_date = on
    volunteer.full_clean()
    volunteer.save(update_fields=["end_date"])
    return volunteer


# Training, board, calls ---------------------------------------------------------------------


@transaction.atomic
def place_request_decide(*, place_request: PlaceRequest, accept: bool) -> PlaceRequest:
    """Accept only what the course still has room for: its own attendance and the places
    already given to other organizations count."""
    # Locking the course serializes answers to its requests, so two acceptances cannot
    # both take the last places.
    course = Course.objects.select_for_update().get(pk=place_request.course_id)
    place_request = PlaceRequest.objects.select_for_update().get(pk=place_request.pk)
    if place_request.status != PlaceRequest.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
    if accept and course.places is not None:
        left = course.places_left(
            attendance_count=course.attendances.count(),
            places_granted=course.place_requests.filter(
                status=PlaceRequest.Status.ACCEPTED
            ).aggregate(n=Sum("places", default=0))["n"],
        )
        if place_request.places > left:
            raise ValidationError(
                ngettext(
                    "The course has only %(left)s place left: %(asked)s were asked for. "
                    "Decline the request or raise the course's places.",
                    "The course has only %(left)s places left: %(asked)s were asked for. "
                    "Decline the request or raise the course's places.",
                    left,
                )
                % {"left": left, "asked": place_request.places}
            )
    place_request.status = PlaceRequest.Status.ACCEPTED if accept else PlaceRequest.Status.DECLINED
    place_request.save(update_fields=["status"])
    return place_request


@transaction.atomic
def board_post_close(*, post: BoardPost) -> BoardPost:
    post.closed_at = timezone.now()
    post.save(update_fields=["closed_at"])
    return post


# A change to these alone does not need a new review: the text stays the approved one.
CALL_FIELDS_WITHOUT_REVIEW = frozenset({"is_published"})


@transaction.atomic
def call_submit(
    *, call: VolunteeringCall, author, changed_fields: list[str] | tuple[str, ...] = ()
) -> VolunteeringCall:
    """Save a call as its organization wrote it. Calls are public data: trusted organizations
    and coordinators publish at once; otherwise a new call, a changed one or a rejected one
    sent again waits for a coordinator's review and is not public until approved. Taking an
    approved call off line (or back on) changes no text and needs no review."""
    Status = VolunteeringCall.ReviewStatus
    now = timezone.now()
    if not call.slug:
        call.slug = unique_slug(VolunteeringCall, f"{call.organization.slug}-{call.title}")
    if scope.coordinates(author, call.organization_id):
        call.review_status, call.reviewed_by, call.reviewed_at = Status.APPROVED, author, now
        call.rejection_reason = ""
    elif call.organization.is_trusted:
        call.review_status, call.reviewed_by, call.reviewed_at = Status.APPROVED, None, None
        call.rejection_reason = ""
    elif (
        call.pk is None
        or call.review_status != Status.APPROVED
        or set(changed_fields) - CALL_FIELDS_WITHOUT_REVIEW
    ):
        # The last rejection's reason stays, for the reviewer to check it was addressed.
        call.review_status, call.reviewed_by, call.reviewed_at = Status.PENDING, None, None
        call.submitted_at = now
    call.full_clean()
    call.save()
    return call


def review_token(call: VolunteeringCall) -> str:
    """What the review page sends back, to prove the decision is about the text shown."""
    return call.submitted_at.isoformat() if call.submitted_at else ""


def _call_for_review(call: VolunteeringCall, seen_submitted_at: str | None) -> VolunteeringCall:
    call = VolunteeringCall.objects.select_for_update().get(pk=call.pk)
    if call.review_status != VolunteeringCall.ReviewStatus.PENDING:
        raise ValidationError(_("This change has already been reviewed."))
    # The organization may have changed the text while the coordinator was reading it.
    if seen_submitted_at is not None and seen_submitted_at != review_token(call):
        raise ValidationError(
            _("The call was changed after you opened it: read it again before deciding.")
        )
    return call


@transaction.atomic
def call_approve(
    *, call: VolunteeringCall, reviewer, seen_submitted_at: str | None = None
) -> VolunteeringCall:
    """Make the call public (if its organization publishes it)."""
    call = _call_for_review(call, seen_submitted_at)
    call.review_status = VolunteeringCall.ReviewStatus.APPROVED
    call.reviewed_by, call.reviewed_at = reviewer, timezone.now()
    call.rejection_reason = ""
    call.full_clean()
    call.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "rejection_reason"])
    return call


@transaction.atomic
def call_reject(
    *, call: VolunteeringCall, reviewer, reason: str, seen_submitted_at: str | None = None
) -> VolunteeringCall:
    """The call stays off the public pages with its text untouched: the organization reads
    the reason, corrects it and sends it again."""
    call = _call_for_review(call, seen_submitted_at)
    call.review_status = VolunteeringCall.ReviewStatus.REJECTED
    call.reviewed_by, call.reviewed_at = reviewer, timezone.now()
    call.rejection_reason = reason
    call.full_clean()
    call.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "rejection_reason"])
    return call


@transaction.atomic
def application_accept(*, application: Application, decided_by) -> Volunteer:
    """An accepted applicant enters the organization's volunteer register."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.NEW:
        raise ValidationError(_("This application has already been answered."))
    if application.birth_date is None:  # erased by the retention rules, long unanswered
        raise ValidationError(_("This application is too old: its personal data was erased."))
    volunteer = Volunteer(
        organization=application.call.organization,
        first_name=application.first_name,
        last_name=application.last_name,
        email=application.email,
        phone=application.phone,
        birth_date=application.birth_date,
        start_date=timezone.localdate(),
        roles=application.call.title[:200],
    )
    volunteer.full_clean()
    volunteer.save()
    application.volunteer = volunteer
    application.status = Application.Status.ACCEPTED
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    application.save()
    return volunteer


@transaction.atomic
def application_decline(*, application: Application, decided_by) -> Application:
    if application.status != Application.Status.NEW:
        raise ValidationError(_("This application has already been answered."))
    application.status = Application.Status.DECLINED
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at"])
    return application
