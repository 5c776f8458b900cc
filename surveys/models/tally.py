"""Result counts kept incrementally, so the results page does not grow with the responses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TallyKind(models.TextChoices):
    TOTAL = "total", _("Responses")
    WEEK = "week", "Responses in a week"  # row_key: the week's Monday, ISO format
    CHOICE = "choice", "Option chosen"  # question_id, row_key (grid statement), choice
    ANSWERED = "answered", "Question answered"  # question_id, row_key; with number sum/count
    GROUP = "group", "Option chosen, by stakeholder group"  # question_id, choice, dim
    REGION = "region", "Option chosen, by region"  # question_id, choice, dim
    MONTH = "month", "Date answers in a month"  # question_id, row_key: the answer's "YYYY-MM"


class ResultTally(models.Model):
    """One count of a survey's results: counts only, never a response or a time.

    Written by surveys.tallies.tally_apply in the same transaction as the Response rows
    (identified submit, or an anonymous survey's batch flush), and rebuilt from the
    responses by `manage.py rebuild_survey_tallies`.
    """

    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=TallyKind.choices)
    question_id = models.CharField(max_length=40, blank=True, default="")
    row_key = models.CharField(max_length=200, blank=True, default="")
    choice = models.CharField(max_length=200, blank=True, default="")
    dim = models.BigIntegerField(default=0, help_text=_("Stakeholder group or region id; 0 for none."))
    n = models.BigIntegerField(default=0)
    number_sum = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    number_n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "kind", "question_id", "row_key", "choice", "dim"], name="tally_unique_key"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.question_id} {self.row_key} {self.choice} {self.dim}: {self.n}"
