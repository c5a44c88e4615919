from django.conf import settings


def site(request):
    return {"site_name": settings.LINKRETE_SITE_NAME}
