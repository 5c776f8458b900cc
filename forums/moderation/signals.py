"""A held comment enters the review queue as it is saved (and danger alerts go out)."""

from django.db.models.signals import post_save


def comment_saved(sender, instance, created: bool, raw: bool = False, **kwargs):
    if not created or raw or instance.state != "pending":
        return
    from .rules import hold_code_for
    from .services import review_start

    review_start(comment=instance, hold_code=hold_code_for(instance.held_reason))


def connect() -> None:
    from forums.models import Comment

    post_save.connect(comment_saved, sender=Comment, dispatch_uid="moderation_comment_saved")
