from django.urls import path

from directory.staff.views import (
    accounts,
    board,
    call_review,
    calls,
    editing,
    event_attendance,
    events,
    home,
    internal_events,
    job_offers,
    members,
    review,
    training,
    volunteers,
)

app_name = "staff"

org = "enti/<slug:slug>/"

urlpatterns = [
    path("", home.home, name="home"),
    # Accounts
    path("invita/", accounts.invite, name="invite"),
    # Before the password link below, whose two segments would take it.
    path("invito/accetta/<str:token>/", accounts.invitation_open, name="invitation_open"),
    path(
        "invito/<uidb64>/<token>/",
        accounts.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("invito/fatto/", accounts.invitation_done, name="invitation_done"),
    path("password/", accounts.password_reset, name="password_reset"),
    path("password/inviata/", accounts.password_reset_done, name="password_reset_done"),
    path(
        "password/<uidb64>/<token>/", accounts.password_reset_confirm, name="password_reset_confirm"
    ),
    path("password/fatto/", accounts.password_reset_complete, name="password_reset_complete"),
    # Review queue (coordinators)
    path("revisioni/", review.review_queue, name="review_queue"),
    path("revisioni/<int:pk>/", review.review_detail, name="review_detail"),
    path("revisioni/<int:pk>/immagine/", review.review_image, name="review_image"),
    path("revisioni/<int:pk>/approva/", review.review_approve, name="review_approve"),
    path("revisioni/<int:pk>/rifiuta/", review.review_reject, name="review_reject"),
    path("revisioni/chiamate/", call_review.call_review_queue, name="call_review_queue"),
    path("revisioni/chiamate/<int:pk>/", call_review.call_review_detail, name="call_review_detail"),
    path(
        "revisioni/chiamate/<int:pk>/approva/",
        call_review.call_review_approve,
        name="call_review_approve",
    ),
    path(
        "revisioni/chiamate/<int:pk>/rifiuta/",
        call_review.call_review_reject,
        name="call_review_reject",
    ),
    # Network pages
    path("corsi-aperti/", training.network_courses, name="network_courses"),
    path(
        "corsi-aperti/<int:pk>/richiedi/",
        training.network_course_request,
        name="network_course_request",
    ),
    path("incontri-di-rete/", internal_events.internal_event_list, name="internal_event_list"),
    path(
        "incontri-di-rete/<int:pk>/",
        internal_events.internal_event_detail,
        name="internal_event_detail",
    ),
    path("bacheca/", board.board, name="board"),
    path("bacheca/nuovo/", board.board_post_new, name="board_post_new"),
    path("bacheca/<int:pk>/", board.board_post, name="board_post"),
    path("bacheca/<int:pk>/chiudi/", board.board_post_close, name="board_post_close"),
    # One organization
    path(org, home.organization_dashboard, name="organization"),
    path(org + "verificato/", home.organization_verified, name="organization_verified"),
    path(org + "membri/", members.member_list, name="member_list"),
    path(org + "membri/<int:pk>/ruolo/", members.member_role, name="member_role"),
    path(org + "membri/<int:pk>/rimuovi/", members.member_remove, name="member_remove"),
    path(org + "profilo/", editing.organization_edit, name="organization_edit"),
    path(org + "sedi/nuova/", editing.location_edit, name="location_new"),
    path(org + "sedi/<int:pk>/", editing.location_edit, name="location_edit"),
    path(org + "attivita/nuova/", editing.activity_edit, name="activity_new"),
    path(org + "attivita/<int:pk>/", editing.activity_edit, name="activity_edit"),
    path(org + "attivita/<int:pk>/orari/", editing.activity_hours, name="activity_hours"),
    path(org + "eventi/", events.event_list, name="event_list"),
    path(org + "eventi/nuovo/", events.event_edit, name="event_new"),
    path(org + "eventi/<int:pk>/", events.event_edit, name="event_edit"),
    path(org + "eventi/<int:pk>/iscrizioni/", events.event_signup_list, name="event_signup_list"),
    path(
        org + "eventi/date/<int:pk>/presenze/",
        event_attendance.event_attendance,
        name="event_attendance",
    ),
    path(
        org + "eventi/date/<int:pk>/registro.csv",
        event_attendance.event_register_export,
        name="event_register_export",
    ),
    path(
        org + "eventi/presenze.csv",
        event_attendance.event_attendance_export,
        name="event_attendance_export",
    ),
    path(org + "modifiche/", editing.revision_history, name="revision_history"),
    path(org + "modifiche/<int:pk>/", review.revision_detail, name="revision_detail"),
    path(org + "modifiche/<int:pk>/immagine/", review.revision_image, name="revision_image"),
    path(org + "modifiche/<int:pk>/orari/", editing.revision_hours, name="revision_hours"),
    path(org + "volontari/", volunteers.volunteer_list, name="volunteer_list"),
    path(org + "volontari/nuovo/", volunteers.volunteer_edit, name="volunteer_new"),
    path(org + "volontari/registro.csv", volunteers.volunteer_export, name="volunteer_export"),
    path(org + "volontari/stampa/", volunteers.volunteer_print, name="volunteer_print"),
    path(org + "volontari/<int:pk>/", volunteers.volunteer_detail, name="volunteer_detail"),
    path(org + "volontari/<int:pk>/modifica/", volunteers.volunteer_edit, name="volunteer_edit"),
    path(org + "ore/", volunteers.hours_log, name="hours_log"),
    path(org + "ore/totali/", volunteers.hours_totals, name="hours_totals"),
    path(org + "formazione/", training.training, name="training"),
    path(org + "formazione/piano/nuovo/", training.plan_new, name="plan_new"),
    path(org + "formazione/corsi/nuovo/", training.course_edit, name="course_new"),
    path(org + "formazione/corsi/<int:pk>/", training.course_detail, name="course_detail"),
    path(org + "formazione/corsi/<int:pk>/modifica/", training.course_edit, name="course_edit"),
    path(
        org + "formazione/corsi/<int:pk>/richieste/<int:request_pk>/",
        training.place_request_decide,
        name="place_request_decide",
    ),
    path(org + "chiamate/", calls.call_list, name="call_list"),
    path(org + "chiamate/nuova/", calls.call_edit, name="call_new"),
    path(org + "chiamate/<int:pk>/", calls.call_edit, name="call_edit"),
    path(org + "lavoro/", job_offers.job_offer_list, name="job_offer_list"),
    path(org + "lavoro/nuova/", job_offers.job_offer_edit, name="job_offer_new"),
    path(org + "lavoro/<int:pk>/", job_offers.job_offer_edit, name="job_offer_edit"),
    path(org + "candidature/", calls.application_list, name="application_list"),
    path(org + "candidature/<int:pk>/", calls.application_decide, name="application_decide"),
]
