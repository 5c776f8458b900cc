from django import forms
from django.utils.translation import gettext_lazy as _

from forums.models import PlanItem, TopicPage
from home.models import CfsrTerm
from portal.accounts.models import Region, StakeholderGroup
from portal.i18n import validation

from .models import MeetingPage, Proposal, ProposalState


def _uswds(form):
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):
            continue
        css = {forms.Textarea: "usa-textarea", forms.Select: "usa-select"}.get(type(widget), "usa-input")
        widget.attrs.setdefault("class", css)


class USWDSForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _uswds(self)


class ProposalForm(USWDSForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages=validation.text_messages(required=_("Enter a title for your proposal.")),
    )
    body = forms.CharField(
        label=_("What is happening?"),
        widget=forms.Textarea,
        max_length=5000,
        error_messages=validation.text_messages(required=_("Say what is happening.")),
    )
    stakeholder_groups = forms.ModelMultipleChoiceField(
        label=_("Who it affects"),
        queryset=StakeholderGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=validation.choice_messages(),
    )
    region = forms.ModelChoiceField(
        label=_("Region (optional)"), queryset=Region.objects.all(), required=False
    )
    cfsr_terms = forms.ModelMultipleChoiceField(
        label=_("CFSR outcomes and systemic factors it touches"),
        queryset=CfsrTerm.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=validation.choice_messages(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain words for the public, never the code ("P1").
        self.fields["cfsr_terms"].label_from_instance = lambda term: term.plain_name


class CommentForm(USWDSForm):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea,
        max_length=3000,
        error_messages=validation.text_messages(required=_("Write something before you post.")),
    )


class TriageForm(USWDSForm):
    state = forms.ChoiceField(
        label=_("Answer"),
        choices=[
            (s.value, s.label) for s in ProposalState if s not in (ProposalState.PENDING, ProposalState.OPEN)
        ],
    )
    answer = forms.CharField(label=_("Public answer"), widget=forms.Textarea, required=False)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=TopicPage.objects.none(), required=False)
    meeting = forms.ModelChoiceField(
        label=_("Agenda of meeting"), queryset=MeetingPage.objects.none(), required=False
    )
    merged_into = forms.ModelChoiceField(
        label=_("Merged into proposal"), queryset=Proposal.objects.none(), required=False
    )
    plan_item = forms.ModelChoiceField(label=_("Plan item"), queryset=PlanItem.objects.none(), required=False)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        workgroup = proposal.workgroup
        self.fields["topic"].queryset = TopicPage.objects.child_of(workgroup)
        self.fields["meeting"].queryset = MeetingPage.objects.live().child_of(workgroup)
        self.fields["merged_into"].queryset = Proposal.objects.filter(workgroup=workgroup).exclude(
            pk=proposal.pk
        )
        self.fields["plan_item"].queryset = PlanItem.objects.filter(workgroup=workgroup)
        _uswds(self)


class AgendaItemForm(USWDSForm):
    """A new item, or one of the proposals the person may bring (their own; any for facilitators)."""

    title = forms.CharField(label=_("New agenda item"), max_length=200, required=False)
    proposal = forms.ModelChoiceField(
        label=_("Or one of the proposals"), queryset=Proposal.objects.none(), required=False
    )

    def __init__(self, *args, proposals=None, **kwargs):
        super().__init__(*args, **kwargs)
        if proposals is not None:
            self.fields["proposal"].queryset = proposals
        else:
            del self.fields["proposal"]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title") or "").strip() and not cleaned.get("proposal"):
            raise forms.ValidationError(_("Write an agenda item or choose a proposal."))
        return cleaned


class ProposalToAgendaForm(USWDSForm):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=MeetingPage.objects.none())

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class AgendaDecisionForm(USWDSForm):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
    reason = forms.CharField(
        label=_("Reason (needed to decline; the member sees it)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
