"""Background e-mail for moderation: the on-call danger alert."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_danger_alert(*, comment_id: int, source: str, queue_url: str) -> int:
    recipients = list(settings.MODERATION_ONCALL_EMAILS)
    if not recipients:
        return 0
    body = render_to_string(
        "moderation/email/danger_alert.txt",
        {"comment_id": comment_id, "source": source, "queue_url": queue_url},
    )
    return send_mail(
        subject="[Urgent] Someone may be in danger: a comment needs review now",
        message=body,
        from_email=None,
        recipient_list=recipients,
    )
