from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SportelliConfig(AppConfig):
    name = "sportelli"
    verbose_name = _("Proximity desks")

    def ready(self):
        from linkrete import page_cache
        from sportelli import rollups
        from sportelli.models import Booking, Desk, DeskException, DeskOpeningSlot, DeskTranslation

        # The cached desk pages (linkrete.page_cache); a booking, in case a page shows free slots.
        page_cache.connect(
            [Booking, Desk, DeskException, DeskOpeningSlot, DeskTranslation], "desks"
        )
        # The accesses' monthly rollup, recounted with each access (sportelli.rollups).
        rollups.connect()
