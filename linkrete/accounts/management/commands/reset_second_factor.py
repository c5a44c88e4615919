from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from linkrete.accounts.second_factor import devices


class Command(BaseCommand):
    help = (
        "Remove the second factor (authenticator app and recovery codes) of a user who lost "
        "the phone: at the next page they set it up again. Check who is asking first."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        removed = devices.reset(user)
        self.stdout.write(f"Second factor reset for {username}: {removed} devices removed.")
