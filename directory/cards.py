"""What an activity card shows, from the rows ``Activity.objects.for_list()`` prefetches."""

from directory.hours import OpeningHours


def with_card_details(activities, moment=None):
    """Attach the opening status and the municipality names to each activity of a page."""
    activities = list(activities)
    for activity in activities:
        activity.opening = OpeningHours.for_activity(activity).status(moment)
        activity.municipalities = sorted(
            {loc.municipality.name for loc in activity.locations.all() if loc.municipality_id}
        )
    return activities
