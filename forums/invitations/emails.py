"""The invitation e-mail: written in the addressee's language, sent by the task queue (outbox)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.accounts.tasks import account_email_send
from portal.i18n.languages import supported, user_language


def invitation_link(token: str, language: str) -> str:
    """The token goes after "#": browsers never send it, so it reaches no access log."""
    with translation.override(language):
        path = reverse("forums:invitation")
    return f"{settings.SITE_BASE_URL}{path}#t={token}"


def invitation_language(*, invitation, person) -> str:
    """An account's own language wins; else what the facilitator chose; else the site's default."""
    if person is not None and getattr(person, "language", ""):
        return user_language(person)
    return supported(invitation.language) or settings.LANGUAGE_CODE


def invitation_email_send(*, invitation, token: str, person=None) -> None:
    language = invitation_language(invitation=invitation, person=person)
    with translation.override(language):
        context = {
            "invitation": invitation,
            "workgroup_title": invitation.workgroup.title,
            "inviter": invitation.invited_by.public_name if invitation.invited_by else "",
            "person": person,
            "link": invitation_link(token, language),
            "expires_at": invitation.expires_at,
            "site_url": settings.SITE_BASE_URL,
        }
        subject = render_to_string("forums/email/invitation_subject.txt", context).strip()
        body = render_to_string("forums/email/invitation.txt", context)
        html = render_to_string("forums/email/invitation.html", context)
    account_email_send.enqueue(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
        html=html,
    )
