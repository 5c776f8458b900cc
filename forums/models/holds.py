from django.db import models
from django.utils.translation import gettext_lazy as _


class HeldForReview(models.Model):
    """A text a hold rule can keep back for a moderator (comments, proposals, their comments).

    The rule's code is kept so the reason reads in the reader's language; each model's own
    `held_reason` keeps the sentence as written, for rules that have no built-in message."""

    held_code = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("The hold rule's code: the reason is shown from it in the reader's language."),
    )

    class Meta:
        abstract = True

    @property
    def held_message(self) -> str:
        """Why it is held, in the reader's language (from `held_code`; else `held_reason`)."""
        from forums.moderation.rules import hold_message

        return hold_message(self.held_code, self.held_reason)
