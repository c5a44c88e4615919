"""Placeholder for /cerca/ so the site header can link to it.

The search helper's real view (branch ``search``) replaces this module.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def search(request):
    return render(request, "directory/search_placeholder.html")
