from django.conf import settings
from django.utils import translation


def languages(request):
    code = translation.get_language() or settings.LANGUAGE_CODE
    return {"LANGUAGE_CODE": code, "default_language": settings.LANGUAGE_CODE}
