"""Thin views for proposals and the staff screen: permissions from agenda.permissions, writes
through agenda.services, answers through agenda.posting. Meetings are in meeting_views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import WorkgroupPage

from . import permissions, posting, selectors, services
from .forms import CommentForm, ProposalForm, ProposalToAgendaForm, TriageForm
from .models import AGENDA_READY_STATES, Proposal, ProposalState


def visible_workgroup(request, pk):
    workgroup = get_object_or_404(WorkgroupPage.objects.live().specific(), pk=pk)
    if not permissions.can_view(request.user, workgroup):
        raise Http404
    return workgroup


def _visible_proposal(request, pk):
    proposal = selectors.proposal_detail(pk=pk)
    if proposal is None or not permissions.can_view(request.user, proposal.workgroup):
        raise Http404
    if proposal.state == ProposalState.PENDING and not (
        request.user.pk == proposal.author_id or permissions.can_review_proposals(request.user)
    ):
        raise Http404
    return proposal


@login_required
def proposal_new(request, workgroup_pk):
    workgroup = visible_workgroup(request, workgroup_pk)
    if not permissions.can_propose(request.user, workgroup):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(author=request.user, workgroup=workgroup, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            if proposal.held_reason:
                messages.info(request, proposal.held_message)
            return redirect(services.proposal_url(proposal))
    return render(request, "agenda/proposal_form.html", {"form": form, "workgroup": workgroup})


def _agenda_meetings(request, proposal):
    """Meetings the proposal can be brought to by this person: facilitators past the cut-off too."""
    return selectors.meetings_taking_items(
        proposal=proposal,
        now=timezone.now(),
        include_closed=permissions.can_triage(request.user, proposal.workgroup),
    )


def _proposal_page(request, proposal, **forms):
    user = request.user
    signed_in = user.is_authenticated
    may_triage = signed_in and permissions.can_triage(user, proposal.workgroup)
    context = {
        "proposal": proposal,
        "workgroup": proposal.workgroup,
        "can_support": signed_in and permissions.can_support(user, proposal),
        "has_supported": signed_in and proposal.supports.filter(user=user).exists(),
        "can_comment": signed_in
        and proposal.state != ProposalState.PENDING
        and permissions.can_propose(user, proposal.workgroup),
        "can_triage": may_triage and proposal.state == ProposalState.OPEN,
        "comment_form": forms.get("comment_form") or CommentForm(),
        "show_agenda_status": signed_in and (may_triage or user.pk == proposal.author_id),
    }
    if context["can_triage"]:
        context["triage_form"] = forms.get("triage_form") or TriageForm(proposal=proposal)
    # Facilitators answer an open proposal through the triage form; once answered they may bring
    # it to another meeting too, as its proposer may at any time.
    facilitator_brings = may_triage and proposal.state != ProposalState.OPEN
    if (
        signed_in
        and proposal.state in AGENDA_READY_STATES
        and (facilitator_brings or permissions.can_bring_to_agenda(user, proposal))
    ):
        meetings = _agenda_meetings(request, proposal)
        context["agenda_form"] = forms.get("agenda_form") or ProposalToAgendaForm(meetings=meetings)
        context["offer_agenda"] = meetings.exists()
    return render(request, "agenda/proposal_detail.html", context)


def proposal_detail(request, pk):
    return _proposal_page(request, _visible_proposal(request, pk))


@login_required
@require_POST
def proposal_support(request, pk):
    proposal = _visible_proposal(request, pk)
    if request.POST.get("undo"):
        action, success = services.support_remove, _("Your support is withdrawn.")
    else:
        action, success = services.support_add, _("Thank you for your support.")
    posting.run(request, lambda: action(user=request.user, proposal=proposal), success)
    return redirect(services.proposal_url(proposal))


@login_required
@require_POST
def proposal_comment(request, pk):
    proposal = _visible_proposal(request, pk)
    return posting.submit(
        request,
        CommentForm(request.POST),
        action=lambda body: services.proposal_comment(author=request.user, proposal=proposal, body=body),
        success=_("Your comment is posted."),
        done_url=services.proposal_url(proposal),
        again=lambda form: _proposal_page(request, proposal, comment_form=form),
    )


@login_required
@require_POST
def proposal_triage(request, pk):
    proposal = _visible_proposal(request, pk)
    if not permissions.can_triage(request.user, proposal.workgroup):
        raise PermissionDenied
    return posting.submit(
        request,
        TriageForm(request.POST, proposal=proposal),
        action=lambda **data: services.proposal_triage(by=request.user, proposal=proposal, **data),
        success=_("The answer is published."),
        done_url=services.proposal_url(proposal),
        again=lambda form: _proposal_page(request, proposal, triage_form=form),
    )


@login_required
@require_POST
def proposal_to_agenda(request, pk):
    """The proposer (or a facilitator) brings the proposal to an upcoming meeting's agenda. Every
    upcoming meeting is accepted here, so a closed agenda is refused by the service with its date."""
    proposal = _visible_proposal(request, pk)
    form = ProposalToAgendaForm(
        request.POST, meetings=selectors.upcoming_meetings(workgroup=proposal.workgroup)
    )
    facilitator = permissions.can_triage(request.user, proposal.workgroup)
    return posting.submit(
        request,
        form,
        action=lambda meeting: services.agenda_item_add(by=request.user, meeting=meeting, proposal=proposal),
        success=_("The proposal is on the agenda.")
        if facilitator
        else _("Your proposal is sent to the facilitators for the agenda."),
        done_url=services.proposal_url(proposal),
        again=lambda form: _proposal_page(request, proposal, agenda_form=form),
    )


def _proposal_for_review(request, pk):
    if not permissions.can_review_proposals(request.user):
        raise PermissionDenied
    return get_object_or_404(Proposal, pk=pk)


def admin_proposals(request):
    if not permissions.can_review_proposals(request.user):
        raise PermissionDenied
    proposals = list(selectors.proposals_to_review())
    return render(request, "agenda/admin/proposals.html", {"proposals": proposals, "now": timezone.now()})


@require_POST
def admin_proposal_release(request, pk):
    proposal = _proposal_for_review(request, pk)
    posting.run(
        request,
        lambda: services.proposal_release(
            by=request.user, proposal=proposal, approve=request.POST.get("approve") == "1"
        ),
        _("Decision recorded."),
    )
    return redirect("agenda_admin_proposals")
