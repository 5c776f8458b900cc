from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects Wagtail page and settings signals)

        _answer_wagtail_lookups_from_the_cache()


def _answer_wagtail_lookups_from_the_cache() -> None:
    """Wagtail has no hook for these per-render lookups, so its methods are wrapped here, in
    one place; each wrapper returns what Wagtail would (see `lookups`)."""
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.models.i18n import LocaleManager
    from wagtail.query import PageQuerySet

    from . import lookups

    find_for_request = Site._find_for_request
    get_view_restrictions = Page.get_view_restrictions

    def _find_for_request(request):
        return lookups.find_site(request, find_for_request)

    def _get_view_restrictions(self):
        if not lookups.may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return get_view_restrictions(self)

    LocaleManager.get_for_language = lookups.get_for_language
    PageQuerySet.private_q = lookups.private_q
    Site._find_for_request = staticmethod(_find_for_request)
    Page.get_view_restrictions = _get_view_restrictions
