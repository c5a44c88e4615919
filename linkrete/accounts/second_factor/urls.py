from django.urls import path

from linkrete.accounts.second_factor import views

app_name = "second_factor"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("attiva/", views.enrol, name="enrol"),
    path("verifica/", views.verify, name="verify"),
    path("codici/", views.recovery_codes, name="recovery_codes"),
]
