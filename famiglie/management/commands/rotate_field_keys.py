"""Re-encrypts every encrypted value with the newest key of FIELD_KEYS (the first), so that the
older keys can then be removed. In batches, each in its own transaction; values already under
the newest key are left alone, so running it twice, or again after an interruption, is safe."""

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from linkrete import field_encryption
from linkrete.field_encryption import EncryptedTextField


def encrypted_columns():
    """(model, field) for every encrypted field of every model."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model, field


def rotate_column(model, field, batch_size: int) -> tuple[int, int]:
    """(values re-encrypted, values read) of one column, by primary key order."""
    newest, every_key = field_encryption.newest(), field_encryption.fernet()
    table, column = (
        connection.ops.quote_name(model._meta.db_table),
        connection.ops.quote_name(field.column),
    )
    pk = connection.ops.quote_name(model._meta.pk.column)
    last, rotated, read = None, 0, 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            # Raw rows: the tokens themselves, not the texts the field would give.
            where = f"WHERE {pk} > %s" if last is not None else ""
            cursor.execute(
                f"SELECT {pk}, {column} FROM {table} {where} ORDER BY {pk} LIMIT %s FOR UPDATE",  # nosec B608 # quoted names
                [last, batch_size] if last is not None else [batch_size],
            )
            rows = cursor.fetchall()
            if not rows:
                return rotated, read
            changed = []
            for key, token in rows:
                if not token:
                    continue
                read += 1
                try:
                    newest.decrypt(token.encode())
                except InvalidToken:
                    changed.append((every_key.rotate(token.encode()).decode(), key))
            if changed:
                cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", changed)  # nosec B608 # quoted names
            rotated += len(changed)
            last = rows[-1][0]


class Command(BaseCommand):
    help = (
        "Re-encrypts every encrypted field's value with the newest key of FIELD_KEYS (the "
        "first), in batches; afterwards the older keys can be removed from FIELD_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        total_rotated = total_read = 0
        for model, field in encrypted_columns():
            rotated, read = rotate_column(model, field, batch_size)
            total_rotated += rotated
            total_read += read
            self.stdout.write(f"{model._meta.label}.{field.name}: {rotated} of {read} re-encrypted")
        self.stdout.write(
            f"{total_rotated} values re-encrypted with the newest key, {total_read} read."
        )
