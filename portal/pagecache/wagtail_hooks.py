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
