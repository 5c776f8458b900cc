from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action, FlagReason, Reason, SanctionKind

ACTION_CHOICES = [*Action.choices, ("keep", "Keep published (dismiss reports)")]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=ACTION_CHOICES, label=_("Decision"))
    reason = forms.ChoiceField(
        choices=[("", "Choose a reason"), *Reason.choices],
        label=_("Reason"),
        help_text=_("The author is told this reason."),
        error_messages={"required": "Choose a reason: the author is told it."},
    )
    note = forms.CharField(
        required=False,
        label=_("Note (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_('Kept in the history. Required when the reason is "Other".'),
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
        label=_("Why are you reporting this comment?"),
        error_messages={"required": "Choose a reason."},
    )
    note = forms.CharField(
        required=False,
        max_length=2000,
        label=_("Anything else moderators should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )
    website = forms.CharField(required=False, label=_("Leave this empty"))


class SanctionForm(forms.Form):
    user = forms.CharField(label=_("Person (e-mail address or username)"))
    kind = forms.ChoiceField(
        choices=SanctionKind.choices, widget=forms.RadioSelect, initial=SanctionKind.SILENCE
    )
    days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=3650,
        label=_("For how many days"),
        help_text=_("Leave empty to keep it until a moderator lifts it."),
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label=_("Reason (the person is shown this)")
    )


class LiftForm(forms.Form):
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Note (optional)")
    )
