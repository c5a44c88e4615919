from django.urls import path

from sportelli.views import (
    access_points,
    closures,
    console,
    need_signals,
    public,
    referrals,
    sheets,
)

app_name = "sportelli"

# The console, referrals and booking pages come before <slug>/: those words are also refused as
# desk slugs (RESERVED_SLUGS), so no desk can ever shadow them.
urlpatterns = [
    path("", public.desk_list, name="desk_list"),
    path("console/", console.agenda, name="console"),
    path("console/accessi/", console.access_list, name="access_list"),
    path("console/accessi/accessi.csv", console.access_export, name="access_export"),
    path("console/prenotazioni/<int:pk>/stato/", console.booking_status, name="booking_status"),
    path("console/<slug:slug>/accessi/nuovo/", console.access_create, name="access_create"),
    path("console/<slug:slug>/chiusure/", closures.desk_closures, name="desk_closures"),
    path(
        "console/<slug:slug>/chiusure/<int:pk>/elimina/",
        closures.desk_closure_delete,
        name="desk_closure_delete",
    ),
    path("segnalazioni/", referrals.referral_list, name="referral_list"),
    path("segnalazioni/nuova/", referrals.referral_create, name="referral_create"),
    path("segnalazioni/<uuid:uuid>/", referrals.referral_detail, name="referral_detail"),
    path(
        "segnalazioni/<uuid:uuid>/stato/",
        referrals.referral_transition,
        name="referral_transition",
    ),
    path("bisogni-emergenti/", need_signals.need_signal_list, name="need_signal_list"),
    path(
        "bisogni-emergenti/bisogni.csv",
        need_signals.need_signal_export,
        name="need_signal_export",
    ),
    path("punto-accesso/", access_points.access_point_home, name="access_point_home"),
    path("punto-accesso/<slug:slug>/", access_points.access_point, name="access_point"),
    path(
        "punto-accesso/<slug:slug>/segnala/",
        access_points.access_point_referral,
        name="access_point_referral",
    ),
    path(
        "punto-accesso/<slug:slug>/bisogno/",
        access_points.access_point_signal,
        name="access_point_signal",
    ),
    path("prenotazione/<str:token>/", public.booking_done, name="booking_done"),
    path("prenotazione/<str:token>/calendario.ics", public.booking_ics, name="booking_ics"),
    path("prenotazione/<str:token>/annulla/", public.booking_cancel, name="booking_cancel"),
    path("<slug:slug>/", public.desk_detail, name="desk_detail"),
    path("<slug:slug>/scheda/", sheets.desk_sheet, name="desk_sheet"),
    path("<slug:slug>/scheda.pdf", sheets.desk_sheet_pdf, name="desk_sheet_pdf"),
    path("<slug:slug>/prenota/", public.booking_channel, name="booking_channel"),
    path("<slug:slug>/prenota/orario/", public.booking_slot, name="booking_slot"),
    path("<slug:slug>/prenota/dati/", public.booking_details, name="booking_details"),
    path("<slug:slug>/prenota/privacy/", public.booking_privacy, name="booking_privacy"),
    path("<slug:slug>/prenota/riepilogo/", public.booking_summary, name="booking_summary"),
]
