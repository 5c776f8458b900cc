"""Snippets (the review timeline, blocked terms, ...) are edited in the admin with no
service of their own; any of them may show on a public page, so saving one retires the cache."""

from wagtail import hooks

from .cache import invalidate


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _snippet_saved(request, instance):
    invalidate(f"{type(instance).__name__} {instance.pk} saved")


@hooks.register("after_delete_snippet")
def _snippets_deleted(request, instances):
    invalidate(f"{len(instances)} snippet(s) deleted")


# After Wagtail's own registration (order 0), so this handler replaces its "page" link type.
@hooks.register("register_rich_text_features", order=100)
def _cached_page_links(features):
    from wagtail.rich_text.pages import PageLinkHandler

    from . import lookups

    class CachedPageLinkHandler(PageLinkHandler):
        @classmethod
        def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
            return lookups.page_link_tags(attrs_list, super().expand_db_attributes_many)

    features.register_link_type(CachedPageLinkHandler)
