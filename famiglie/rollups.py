"""Rebuilding the interventions' monthly rollup (``InterventionMonth``) in one statement."""

from django.db import connection, transaction
from django.utils import timezone

from famiglie.models import InterventionMonth


def refresh_intervention_months() -> int:
    """Every month before the current one, from the interventions as they are now; returns
    the rows written. One transaction: the dashboard reads the old rows until it commits."""
    this_month = timezone.localdate().replace(day=1)
    table = connection.ops.quote_name(InterventionMonth._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # nosec B608 # our own table's name, quoted
        cursor.execute(
            f"""
            INSERT INTO {table} (team_id, month, kind, interventions, amount, counted_at)
            SELECT c.team_id, date_trunc('month', i.date)::date, i.kind, count(*),
                   coalesce(sum(i.amount), 0), %s
            FROM famiglie_intervention i JOIN famiglie_case c ON c.id = i.case_id
            WHERE i.date < %s
            GROUP BY 1, 2, 3
            """,  # nosec B608 # our own table's name, quoted; the values as %s
            [timezone.now(), this_month],
        )
        return cursor.rowcount
