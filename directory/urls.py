from django.urls import path

from directory import search_view, views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("cerca/", search_view.search_page, name="search"),
    path("attivita/<slug:slug>/", views.activity_detail, name="activity_detail"),
    path("enti/<slug:slug>/", views.organization_detail, name="organization_detail"),
]
