"""Identical titles grouped: a page does not repeat "Doposcuola" ten times.

The activities of a results page with the same title (ignoring case, accents and spacing), from
one organization in several towns or from several organizations, become one entry at the place
of the first of them: the title, then the organization and town of each, each linking to its
activity. Only the page's own activities are grouped, in Python: the pages, the count and the
queries are those of the activities, unchanged.
"""

from dataclasses import dataclass, field

from directory.search.text import normalize


@dataclass
class Entry:
    title: str
    activities: list = field(default_factory=list)

    @property
    def grouped(self) -> bool:
        return len(self.activities) > 1

    @property
    def first(self):
        return self.activities[0]


def by_title(activities) -> list[Entry]:
    """One ``Entry`` per distinct title, in the order of each title's first activity."""
    entries: dict[str, Entry] = {}
    for activity in activities:
        key = normalize(activity.title)
        if key not in entries:
            entries[key] = Entry(activity.title)
        entries[key].activities.append(activity)
    return list(entries.values())
