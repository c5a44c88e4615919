from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from directory.models import Category, Language, Taxonomy
        from directory.search import choices as search_choices

        # Not business logic: the search page's cached copy of these rows is dropped whatever
        # code changes them (the admin, seed_demo, imports).
        for model in (Category, Language, Taxonomy):
            uid = f"directory.search.choices.{model.__name__}"
            post_save.connect(search_choices.forget, sender=model, dispatch_uid=uid + ".save")
            post_delete.connect(search_choices.forget, sender=model, dispatch_uid=uid + ".delete")
