from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render

from directory.models import Activity, Category, Organization


@login_not_required
def home(request):
    categories = Category.objects.roots().filter(taxonomy__slug="aree-intervento")
    return render(
        request,
        "directory/home.html",
        {
            "categories": categories,
            "activity_count": Activity.objects.public().current().count(),
            "organization_count": Organization.objects.published().count(),
        },
    )


@login_not_required
def activity_detail(request, slug):
    activity = get_object_or_404(
        Activity.objects.public().select_related("organization"), slug=slug
    )
    return render(request, "directory/activity_detail.html", {"activity": activity})


@login_not_required
def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.published(), slug=slug)
    return render(request, "directory/organization_detail.html", {"organization": organization})
