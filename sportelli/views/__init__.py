def posted(request):
    """The POST data of a POST request, even when empty (an empty form is still submitted)."""
    return request.POST if request.method == "POST" else None
