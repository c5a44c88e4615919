from django.conf import settings

from linkrete.helplines import HELPLINES


def site(request):
    return {"site_name": settings.LINKRETE_SITE_NAME, "helplines": HELPLINES}
