"""Background jobs of the agenda app."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_proposal_danger_alert(*, what: str, number: int, review_url: str) -> int:
    """The on-call alert a comment's danger hold sends, for a proposal or a proposal comment."""
    recipients = list(settings.MODERATION_ONCALL_EMAILS)
    if not recipients:
        return 0
    body = render_to_string(
        "agenda/email/danger_alert.txt", {"what": what, "number": number, "review_url": review_url}
    )
    return send_mail(
        subject="[Urgent] Someone may be in danger: a proposal needs review now",
        message=body,
        from_email=None,
        recipient_list=recipients,
    )
