"""Build notification e-mails: one per event or one daily digest, each with one-click unsubscribe."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

UNSUBSCRIBE_SALT = "portal.notifications.unsubscribe"
ALL_KINDS = "all"


def unsubscribe_token(*, user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """Return (user id, kind); raises signing.BadSignature for a forged or broken token."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return int(data["u"]), str(data["k"])


def absolute(url: str) -> str:
    return url if url.startswith("http") else f"{settings.SITE_BASE_URL}{url}"


def build_message(*, user, subject: str, template: str, context: dict, kind: str) -> EmailMultiAlternatives:
    unsubscribe_url = absolute(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, kind=kind)])
    )
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe_url,
        "settings_url": absolute(reverse("notifications:preferences")),
        "site_url": settings.SITE_BASE_URL,
    }
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
