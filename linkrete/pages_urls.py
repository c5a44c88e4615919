from django.urls import path

from linkrete import pages

app_name = "pages"

urlpatterns = [
    path("accessibilita/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("note-legali/", pages.legal, name="legal"),
    path("contatti/", pages.contacts, name="contacts"),
    path("mappa-del-sito/", pages.site_map, name="site_map"),
    path("dati-aperti/", pages.open_data, name="open_data"),
    path("dati-aperti/api/", pages.open_data_api, name="open_data_api"),
    path("dati-aperti/linkrete-hsds.zip", pages.open_data_dump, name="open_data_dump"),
]
