"""The five areas of intervention (Cuore Visconteo) and their sub-areas: what needs are
assessed by, what objectives and interventions are about, what indicators count. One list,
used by every part of the file.

A sub-area's value starts with its area's (``"emergencies.food"``), so the area of a sub-area
is read from its value.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    EMERGENCIES = "emergencies", _("Emergencies")
    FAMILY_SUPPORT = "family_support", _("Family support")
    FUTURE = "future", _("Sowing the future")
    WORK = "work", _("Work inclusion")
    SOCIAL_INFRASTRUCTURE = "social_infrastructure", _("Social infrastructure")


class SubArea(models.TextChoices):
    FOOD = "emergencies.food", _("Food support")
    HEALTH = "emergencies.health", _("Health support")
    ECONOMIC = "emergencies.economic", _("Economic support")
    NEW_POVERTY = "family_support.new_poverty", _("Reaching new forms of poverty")
    ACCOMPANIMENT = "family_support.accompaniment", _("Accompaniment projects")
    SOCIAL_SECRETARIAT = "family_support.secretariat", _("Information and first contact")
    EDUCATION = "future.education", _("Educational opportunities (0–3, pre-teens, teenagers)")
    SCHOOLING = "future.schooling", _("Right to education")
    PARENTING = "future.parenting", _("Parenting support")
    YOUTH = "future.youth", _("Youth participation")
    EMPLOYABILITY = "work.employability", _("Employability")
    WORK_EDUCATION = "work.education", _("Education to work")
    PLACEMENT = "work.placement", _("Job placements")
    PROXIMITY_WELFARE = "social_infrastructure.proximity", _("Proximity welfare")
    NETWORKS = "social_infrastructure.networks", _("Networks of social actors")
    GENERATIVITY = "social_infrastructure.generativity", _("Social generativity")


def area_of(sub_area: str) -> Area:
    return Area(sub_area.split(".", 1)[0])


# area -> its sub-areas, in the order above.
SUB_AREAS: dict[Area, list[SubArea]] = {
    area: [sub for sub in SubArea if sub.value.startswith(f"{area.value}.")] for area in Area
}
