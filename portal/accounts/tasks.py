"""Account e-mails (verification, password reset...) leave the request through a task."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def account_email_send(*, subject: str, body: str, from_email: str, to: list[str], html: str = "") -> None:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
