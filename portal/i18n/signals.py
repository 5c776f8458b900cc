from allauth.account.signals import user_signed_up
from django.dispatch import receiver
from django.utils import translation

from . import services


@receiver(user_signed_up)
def remember_signup_language(sender, request, user, **kwargs):
    """Someone who signs up in Spanish hears from the portal in Spanish."""
    services.user_set_language(user=user, language=translation.get_language())
