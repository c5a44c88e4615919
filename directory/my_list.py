"""'My list': activities a family puts aside, kept in the session (no account needed)."""

SESSION_KEY = "my_list"
MAX_ITEMS = 50


def activity_ids(session) -> list[int]:
    return [pk for pk in session.get(SESSION_KEY, []) if isinstance(pk, int)]


def add(session, activity_id: int) -> bool:
    """Add to the list; False when it was already there or the list is full."""
    ids = activity_ids(session)
    if activity_id in ids or len(ids) >= MAX_ITEMS:
        return False
    session[SESSION_KEY] = [*ids, activity_id]
    return True


def remove(session, activity_id: int) -> bool:
    ids = activity_ids(session)
    if activity_id not in ids:
        return False
    session[SESSION_KEY] = [pk for pk in ids if pk != activity_id]
    return True
