"""A held comment enters the review queue as it is saved (and danger alerts go out)."""

from django.db.models.signals import post_save


def comment_saved(sender, instance, created: bool, raw: bool = False, update_fields=None, **kwargs):
    if raw:
        return
    if created and instance.state == "pending":
        from .rules import hold_code_for
        from .services import review_start

        review_start(comment=instance, hold_code=hold_code_for(instance.held_reason))
    elif not created and update_fields and "body" in update_fields and instance.state == "published":
        from .services import comment_recheck_after_edit

        comment_recheck_after_edit(comment=instance)


def connect() -> None:
    from forums.models import Comment

    post_save.connect(comment_saved, sender=Comment, dispatch_uid="moderation_comment_saved")
