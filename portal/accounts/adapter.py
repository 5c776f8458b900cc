from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.utils import translation

from portal.i18n.languages import user_language

from . import services
from .tasks import account_email_send


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stores the portal's profile fields; e-mails go out through a background task."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        data = form.cleaned_data
        if not commit:
            user.display_name = data.get("display_name", "")
            user.age_band = data.get("age_band", "")
            user.region = data.get("region")
            return user
        return services.user_update_profile(
            user=user,
            display_name=data.get("display_name", ""),
            age_band=data.get("age_band", ""),
            region=data.get("region"),
            groups=data.get("groups") or [],
        )

    def send_mail(self, template_prefix, email, context):
        # Rendered here (templates need the request), sent by the task queue.
        request = self.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            # Signed with the portal's name and address, never the host the request came to.
            "portal_name": settings.WAGTAIL_SITE_NAME,
            "portal_url": settings.SITE_BASE_URL,
        }
        ctx.update(context)
        # In the recipient's language when we know it, else the language of the page they used.
        user = context.get("user")
        language = user_language(user) if getattr(user, "language", "") else translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
        html = ""
        if isinstance(message, EmailMultiAlternatives) and message.alternatives:
            html = message.alternatives[0][0]
        account_email_send.enqueue(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            html=html,
        )


def user_display(user) -> str:
    """How allauth names a person in messages ("Signed in as ..."): never the username."""
    return user.public_name
