"""Answers to an anonymous survey that are received but not yet written as a Response.

A sealed row holds one person's answers encrypted (AES-GCM, key derived from SECRET_KEY),
padded to a fixed size, with a random key and no time: someone holding the database
learns only how many answers are waiting. `surveys.pool.pool_flush` turns them into
Response rows in shuffled batches of at least SURVEY_ANONYMITY_CROWD and deletes them.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class SealedAnswers(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="sealed_answers")
    sealed = models.BinaryField()

    class Meta:
        verbose_name_plural = _("sealed answers")

    def __str__(self):
        return f"Sealed answers for {self.survey_id}"
