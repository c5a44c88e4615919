from auditlog.models import LogEntry
from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.http import urlencode

from linkrete.history.tracked import tracked_models

register = template.Library()

# The History page shows the latest changes; the list of changes has them all, paged.
RECENT = 20


@register.simple_tag
def record_history(obj):
    """The latest changes of ``obj`` and the address of all of them; ``None`` if its model has
    no history."""
    model = type(obj)
    if model not in tracked_models():
        return None
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    entries = (
        LogEntry.objects.filter(content_type=content_type, object_id=obj.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")[:RECENT]
    )
    query = urlencode({"model": content_type.pk, "record": obj.pk})
    return {
        "entries": entries,
        "all_url": f"{reverse('admin:auditlog_logentry_changelist')}?{query}",
    }
