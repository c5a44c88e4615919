from django.contrib.postgres.fields import ArrayField


class PostgresOnlyArrayField(ArrayField):
    """An array column that PostgreSQL fills and SQLite (the demo database) keeps empty.

    Like ``search_vector``, it exists on both so that one model serves both; on SQLite nothing
    is ever written to it (Django's array placeholder, ``%s::integer[]``, is PostgreSQL syntax).
    """

    def get_placeholder(self, value, compiler, connection):
        if connection.vendor == "postgresql":
            return super().get_placeholder(value, compiler, connection)
        return "%s"

    def get_db_prep_value(self, value, connection, prepared=False):
        if connection.vendor != "postgresql":
            return None
        return super().get_db_prep_value(value, connection, prepared)
