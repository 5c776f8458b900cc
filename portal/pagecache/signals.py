"""Page and site-settings events that make every cached page stale.

Wagtail's own page signals cover publish, unpublish, move, delete and scheduled go-live
(`publish_scheduled` publishes through the same revision.publish, which sends page_published).
Domain events (comments, answers, plans, surveys) call `pagecache.cache.invalidate()` from
their services instead.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import invalidate


@receiver(page_published)
def _published(sender, instance, **kwargs):
    invalidate(f"page {instance.pk} published")


@receiver(page_unpublished)
def _unpublished(sender, instance, **kwargs):
    invalidate(f"page {instance.pk} unpublished")


@receiver(post_page_move)
def _moved(sender, instance, **kwargs):
    invalidate(f"page {instance.pk} moved")


@receiver(post_delete)
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(f"page {instance.pk} deleted")


@receiver(post_save)
def _settings_saved(sender, instance, created=False, **kwargs):
    # `for_site` creates the defaults on a first render: that changes nothing visible.
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting) and not created:
        invalidate(f"{sender.__name__} saved")


@receiver(post_save)
@receiver(post_delete)
def _plan_changed(sender, instance, **kwargs):
    """Plan items and progress notes are edited in an admin ModelViewSet, with no service."""
    from forums.models.plan import PlanItem, ProgressNote

    if isinstance(instance, PlanItem | ProgressNote):
        invalidate(f"{sender.__name__} {instance.pk} changed")


@receiver(post_save)
@receiver(post_delete)
def _vocabulary_changed(sender, instance, **kwargs):
    """The CFSR vocabulary is kept in the fragment cache (the plan overview's filter) and shown
    on pages; it is seeded from code but editable, so a change retires both."""
    from home.models import CfsrTerm

    if isinstance(instance, CfsrTerm):
        invalidate(f"CFSR term {instance.pk} changed")


# What a person's comments show of them: a save naming other fields (last_login on every
# sign-in, password, language) changes nothing visible and must not retire the cache.
_PUBLIC_NAME_FIELDS = {"display_name", "is_deidentified"}


@receiver(post_save)
def _public_name_changed(sender, instance, update_fields=None, **kwargs):
    """A rename (profile edit) or an account deletion (de-identification) shows on every page
    holding that person's comments, cached whole or as fragments; nothing else announces it."""
    from django.contrib.auth import get_user_model

    if sender is not get_user_model() or kwargs.get("created"):
        return
    if update_fields is not None and not _PUBLIC_NAME_FIELDS & set(update_fields):
        return
    invalidate(f"user {instance.pk} saved (public name)")


@receiver(post_save)
@receiver(post_delete)
def _lookup_changed(sender, instance, **kwargs):
    """Sites, locales, view restrictions and aliases are cached by `lookups`; restrictions also
    change which pages anonymous visitors may see."""
    from wagtail.models import Locale, PageViewRestriction, Site

    if isinstance(instance, Site | Locale | PageViewRestriction):
        invalidate(f"{sender.__name__} {instance.pk} changed")
    elif isinstance(instance, Page) and instance.alias_of_id is not None and kwargs.get("created"):
        invalidate(f"alias page {instance.pk} created")
