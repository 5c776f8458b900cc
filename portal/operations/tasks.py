from django_tasks import task

from .mail import deliver_due


@task()
def deliver_outbox():
    return deliver_due()
