"""`manage.py outbox [list|deliver|retry ID…]`: see and push the mail outbox.

Cron, every minute: `manage.py outbox deliver` (sends what is due, retries included).
"""

from django.core.management.base import BaseCommand

from portal.operations.mail import deliver_due
from portal.operations.models import OutboxMessage
from portal.operations.services import outbox_retry


class Command(BaseCommand):
    help = "List the mail outbox, deliver what is due, or put messages back for retry."

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", default="list", choices=["list", "deliver", "retry"])
        parser.add_argument("ids", nargs="*", type=int)

    def handle(self, action, ids, **options):
        if action == "deliver":
            self.stdout.write(str(deliver_due()))
        elif action == "retry":
            count = outbox_retry(message_ids=ids)
            self.stdout.write(f"{count} message(s) put back for delivery")
        else:
            for row in OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT)[:200]:
                self.stdout.write(
                    f"{row.pk}\t{row.status}\t{row.attempts}\t{row.next_attempt_at:%Y-%m-%d %H:%M}"
                    f"\t{row.subject}\t{row.last_error[:80]}"
                )
