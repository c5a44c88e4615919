from django.urls import path

from directory import calls_views, views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("attivita/<slug:slug>/", views.activity_detail, name="activity_detail"),
    path("enti/<slug:slug>/", views.organization_detail, name="organization_detail"),
    *calls_views.urlpatterns,
]
