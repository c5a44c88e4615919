from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from directory import home
        from directory.models import (
            Activity,
            Category,
            GeneralInterestArea,
            Language,
            Location,
            Municipality,
            OpeningSlot,
            Organization,
            ScheduleException,
            SearchSynonym,
            SearchTerm,
            TargetGroup,
            Taxonomy,
            VolunteeringCall,
            Zone,
        )
        from directory.search import choices as search_choices
        from directory.search import thesaurus
        from linkrete import page_cache

        # Not business logic: the search page's cached copy of these rows is dropped whatever
        # code changes them (the admin, seed_demo, imports).
        for model in (Category, Language, Taxonomy):
            uid = f"directory.search.choices.{model.__name__}"
            post_save.connect(search_choices.forget, sender=model, dispatch_uid=uid + ".save")
            post_delete.connect(search_choices.forget, sender=model, dispatch_uid=uid + ".delete")

        # The search's thesaurus likewise: its synonyms, their categories, the categories' names.
        for model in (SearchSynonym, Category):
            uid = f"directory.search.thesaurus.{model.__name__}"
            post_save.connect(thesaurus.forget, sender=model, dispatch_uid=uid + ".save")
            post_delete.connect(thesaurus.forget, sender=model, dispatch_uid=uid + ".delete")
        m2m_changed.connect(
            thesaurus.forget,
            sender=SearchSynonym.categories.through,
            dispatch_uid="directory.search.thesaurus.categories",
        )

        # The home page's cached figures likewise (directory.home says how fresh they are).
        for model in (Activity, Category, Location, Municipality, Organization, Taxonomy, Zone):
            uid = f"directory.home.{model.__name__}"
            post_save.connect(home.forget, sender=model, dispatch_uid=uid + ".save")
            post_delete.connect(home.forget, sender=model, dispatch_uid=uid + ".delete")
        for through in (
            Activity.categories.through,
            Activity.locations.through,
            Zone.municipalities.through,
        ):
            m2m_changed.connect(
                home.forget, sender=through, dispatch_uid=f"directory.home.{through.__name__}"
            )

        # The cached public pages (linkrete.page_cache): every model a public page shows.
        page_cache.connect(
            [
                Activity,
                Category,
                GeneralInterestArea,
                Language,
                Location,
                Municipality,
                OpeningSlot,
                Organization,
                ScheduleException,
                SearchSynonym,
                SearchTerm,
                TargetGroup,
                Taxonomy,
                VolunteeringCall,
                Zone,
            ],
            "directory",
        )
        # The home page's cached copy shows the figures the worker stores: renewed with them.
        home.figures_stored.connect(renew_home_page, dispatch_uid="linkrete.page_cache.home")


def renew_home_page(**kwargs):
    from linkrete import page_cache

    page_cache.bump(page_cache.HOME_FIGURES)
