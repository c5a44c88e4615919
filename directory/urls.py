from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("cerca/", views.search, name="search"),
    path("cerca/luogo/", views.place_search, name="place_search"),
    path("cerca/luogo/nomi/", views.place_suggestions, name="place_suggestions"),
    path("cerca/il-mio-comune/", views.remember_place, name="remember_place"),
    path("attivita/<slug:slug>/", views.activity_detail, name="activity_detail"),
    path("attivita/<slug:slug>/qr.svg", views.activity_qr, name="activity_qr"),
    path("attivita/<slug:slug>/scheda/", views.activity_sheet, name="activity_sheet"),
    path("attivita/<slug:slug>/scheda.pdf", views.activity_sheet_pdf, name="activity_sheet_pdf"),
    path(
        "attivita/<slug:slug>/segnala/",
        views.activity_report_problem,
        name="activity_report_problem",
    ),
    path("eventi/", views.event_calendar, name="event_calendar"),
    path("eventi/iscrizioni/<slug:token>/", views.signup_done, name="signup_done"),
    path("eventi/iscrizioni/<slug:token>/calendario.ics", views.signup_ics, name="signup_ics"),
    path("eventi/iscrizioni/<slug:token>/annulla/", views.signup_cancel, name="signup_cancel"),
    path("eventi/<slug:slug>/", views.event_detail, name="event_detail"),
    path("eventi/<slug:slug>/iscriviti/<uuid:session>/", views.event_signup, name="event_signup"),
    path("eventi/<slug:slug>/calendario.ics", views.event_ics, name="event_ics"),
    path(
        "enti/<slug:slug>/eventi.ics", views.organization_events_ics, name="organization_events_ics"
    ),
    path("enti/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("la-mia-lista/", views.my_list, name="my_list"),
    path("la-mia-lista/aggiungi/", views.my_list_add, name="my_list_add"),
    path("la-mia-lista/rimuovi/", views.my_list_remove, name="my_list_remove"),
    path("la-mia-lista/condivisa/", views.my_list_shared, name="my_list_shared"),
    path("la-mia-lista/scheda/", views.my_list_sheet, name="my_list_sheet"),
    path("la-mia-lista/scheda.pdf", views.my_list_sheet_pdf, name="my_list_sheet_pdf"),
    path("reti/", views.network_list, name="network_list"),
    path("reti/<slug:slug>/", views.network_detail, name="network_detail"),
    path("reti/<slug:slug>/eventi.ics", views.network_events_ics, name="network_events_ics"),
    path("zone/<slug:slug>/eventi.ics", views.zone_events_ics, name="zone_events_ics"),
    path("volontariato/", views.call_list, name="call_list"),
    path("volontariato/<slug:slug>/", views.call_detail, name="call_detail"),
]
