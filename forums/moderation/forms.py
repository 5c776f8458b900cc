from django import forms

from .models import Action, FlagReason, Reason, SanctionKind

ACTION_CHOICES = [*Action.choices, ("keep", "Keep published (dismiss reports)")]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=ACTION_CHOICES, label="Decision")
    reason = forms.ChoiceField(
        choices=[("", "Choose a reason"), *Reason.choices],
        label="Reason",
        help_text="The author is told this reason.",
        error_messages={"required": "Choose a reason: the author is told it."},
    )
    note = forms.CharField(
        required=False,
        label="Note (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text='Kept in the history. Required when the reason is "Other".',
    )


class BulkDecisionForm(DecisionForm):
    comments = forms.TypedMultipleChoiceField(
        coerce=int, choices=[], error_messages={"required": "Select at least one comment."}
    )

    def __init__(self, *args, comment_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].choices = [(pk, pk) for pk in comment_ids]


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        label="Why are you reporting this comment?",
        error_messages={"required": "Choose a reason."},
    )
    note = forms.CharField(
        required=False,
        max_length=2000,
        label="Anything else moderators should know (optional)",
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )
    website = forms.CharField(required=False, label="Leave this empty")


class SanctionForm(forms.Form):
    user = forms.CharField(label="Person (e-mail address or username)")
    kind = forms.ChoiceField(
        choices=SanctionKind.choices, widget=forms.RadioSelect, initial=SanctionKind.SILENCE
    )
    days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=3650,
        label="For how many days",
        help_text="Leave empty to keep it until a moderator lifts it.",
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label="Reason (the person is shown this)"
    )


class LiftForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Note (optional)")
