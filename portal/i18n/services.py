from django.db import transaction

from . import languages


@transaction.atomic
def user_set_language(*, user, language: str) -> None:
    """Remember a person's language for the site, e-mails and notifications."""
    code = languages.supported(language) or ""
    if user.language != code:
        user.language = code
        user.save(update_fields=["language"])
