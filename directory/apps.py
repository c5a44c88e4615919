from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def public_models():
    """Every model of this app whose rows a public page shows (with their many-to-many
    links): a write to any of them renews the cached public pages (``linkrete.page_cache``)
    and the home page's figures (``directory.home``)."""
    from directory import models

    return tuple(
        getattr(models, name)
        for name in (
            "ActionTarget",
            "Activity",
            "ActivityTranslation",
            "Category",
            "Event",
            "EventSession",
            "GeneralInterestArea",
            "Language",
            "Location",
            "Municipality",
            "Network",
            "NetworkAction",
            "NetworkMembership",
            "OpeningSlot",
            "Organization",
            "OrganizationTranslation",
            "ScheduleException",
            "SearchSynonym",
            "SearchTerm",
            "TargetGroup",
            "Taxonomy",
            "VolunteeringCall",
            "VolunteeringCallTranslation",
            "Zone",
        )
    )


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from directory import home
        from directory.models import (
            Category,
            Language,
            SearchSynonym,
            Taxonomy,
        )
        from directory.search import choices as search_choices
        from directory.search import thesaurus
        from linkrete import page_cache, write_signals

        # Not business logic: the search page's cached copies are dropped whatever code changes
        # their rows (the admin, seed_demo, imports): the categories and languages it offers,
        # and the thesaurus (its synonyms, their categories, the categories' names).
        write_signals.on_write(
            (Category, Language, Taxonomy), search_choices.forget, name="directory.search.choices"
        )
        write_signals.on_write(
            (SearchSynonym, Category), thesaurus.forget, name="directory.search.thesaurus"
        )

        shown = public_models()
        # The cached public pages (linkrete.page_cache).
        page_cache.connect(shown, "directory")
        # The home page's figures (directory.home says how fresh they are); a write they do not
        # count (an opening slot, a call) costs one recompute in the worker, never a request.
        write_signals.on_write(shown, home.forget, name="directory.home")
        # The home page's cached copy shows the figures the worker stores: renewed with them.
        home.figures_stored.connect(renew_home_page, dispatch_uid="linkrete.page_cache.home")


def renew_home_page(**kwargs):
    from linkrete import page_cache

    page_cache.bump(page_cache.HOME_FIGURES)
