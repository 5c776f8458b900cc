"""That an answer form's one-time submission token has been used (surveys.submit_once).

Deliberately minimal, so that someone holding the database learns nothing they could not
already learn from InvitationUse or Participation: a keyed hash of the form's token (the
key is derived from SECRET_KEY, the token itself is never stored) as the primary key (no
sequence moves), and the survey (so the rows go with it). No time, no user, no session,
no invitation and no link to the Response or to the sealed answers.
"""

from django.db import models


class SubmissionReceipt(models.Model):
    digest = models.CharField(max_length=64, primary_key=True, editable=False)
    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return f"Submission receipt for {self.survey_id}"
