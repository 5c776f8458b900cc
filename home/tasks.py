"""Background work for content: telling subscribers about new agency updates."""

from django.utils.translation import gettext_noop
from django_tasks import task

from portal.notifications.models import NotificationKind
from portal.notifications.services import subscribers_notify


@task()
def update_published_notify(*, page_id: int) -> int:
    from home.models import UpdatePage

    update = UpdatePage.objects.live().public().filter(pk=page_id).first()
    if update is None:  # unpublished or made private again before the task ran
        return 0
    return subscribers_notify(
        kind=NotificationKind.NEW_UPDATE,
        message=gettext_noop("New update: %(title)s"),
        params={"title": update.title},
        url=update.url or "",
        dedupe_key=f"update:{update.pk}",
    )
