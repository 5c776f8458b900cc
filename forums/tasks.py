"""Background work for workgroups: telling followers about a new topic or its "what we did"."""

from django_tasks import task


@task()
def topic_published_notify(*, topic_id: int) -> int:
    """Fan out the new-topic (and feedback) notifications outside the editor's request."""
    from .models import TopicPage
    from .services import topic_published_notify as notify_followers

    topic = TopicPage.objects.live().filter(pk=topic_id).first()
    if topic is None:  # unpublished again before the task ran
        return 0
    return notify_followers(topic=topic)
