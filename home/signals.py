"""Publishing an update tells the people who asked for agency updates (once per update)."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .tasks import update_published_notify


@receiver(page_published, dispatch_uid="home.update_published_notify")
def update_published(sender, instance, **kwargs):
    from .models import UpdatePage

    if isinstance(instance, UpdatePage):
        transaction.on_commit(lambda: update_published_notify.enqueue(page_id=instance.pk))
