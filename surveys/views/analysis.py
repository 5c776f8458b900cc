"""Staff screens in the Wagtail admin: survey list, results, exports, invitations, reminders."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.exports import csv_lines

from .. import exports, pool, services, tasks
from ..models import Answer, ExportKind, SurveyPage
from ..permissions import can_export, can_manage_invitations, can_view_results
from ..results import survey_results

CSV = "text/csv; charset=utf-8"


def _survey_for(request, survey_id: int, check) -> SurveyPage:
    if not check(request.user):
        raise PermissionDenied
    return get_object_or_404(SurveyPage, pk=survey_id)


def _filename(survey: SurveyPage, suffix: str) -> str:
    return f"{slugify(survey.title)[:50]}-{date.today():%Y%m%d}-{suffix}"


def survey_list(request):
    if not (can_view_results(request.user) or can_manage_invitations(request.user)):
        raise PermissionDenied
    surveys = SurveyPage.objects.order_by("-first_published_at", "title").select_related("region")
    return render(request, "surveys/admin/survey_list.html", {"surveys": surveys})


def results(request, survey_id: int):
    survey = _survey_for(request, survey_id, can_view_results)
    return render(
        request,
        "surveys/admin/results.html",
        {
            "survey": survey,
            "results": survey_results(survey),
            "can_export": can_export(request.user),
            "pending": pool.pending_count(survey) if survey.is_anonymous else 0,
            "crowd": pool.crowd(),
            "can_publish": can_view_results(request.user) and request.user.has_perm("surveys.change_answer"),
            "can_invite": can_manage_invitations(request.user),
        },
    )


def export_csv(request, survey_id: int):
    survey = _survey_for(request, survey_id, can_export)
    services.export_record(survey=survey, user=request.user, kind=ExportKind.RESPONSES_CSV)
    response = StreamingHttpResponse(exports.csv_stream(survey), content_type=CSV)
    response["Content-Disposition"] = f'attachment; filename="{_filename(survey, "responses.csv")}"'
    return response


def export_xlsx(request, survey_id: int):
    survey = _survey_for(request, survey_id, can_export)
    services.export_record(survey=survey, user=request.user, kind=ExportKind.RESPONSES_XLSX)
    return FileResponse(
        exports.xlsx_file(survey),
        as_attachment=True,
        filename=_filename(survey, "responses.xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_aggregate(request, survey_id: int):
    survey = _survey_for(request, survey_id, can_export)
    services.export_record(survey=survey, user=request.user, kind=ExportKind.AGGREGATE_CSV)
    response = StreamingHttpResponse(exports.aggregate_stream(survey), content_type=CSV)
    response["Content-Disposition"] = f'attachment; filename="{_filename(survey, "summary.csv")}"'
    return response


class InvitationForm(forms.Form):
    count = forms.IntegerField(min_value=1, max_value=5000, initial=50, label=gettext_lazy("How many links"))
    group = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("For which group"),
        help_text=gettext_lazy("Used for e-mailing and to count links per group."),
    )
    delivery = forms.ChoiceField(
        choices=[
            ("download", "Download the links as a CSV file (to hand out or mail yourself)"),
            ("email", "E-mail one link to each member of the group (the count is ignored)"),
        ],
        widget=forms.RadioSelect,
        initial="download",
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = survey.target_groups.all()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delivery") == "email" and not cleaned.get("group"):
            self.add_error("group", "Choose the group whose members should get the links.")
        return cleaned


def _links_csv(request, tokens: list[str]):
    base = request.build_absolute_uri("/").rstrip("/")
    return csv_lines(
        ([services.invitation_link(token, base)] for token in tokens), header=["Invitation link"]
    )


def invitations(request, survey_id: int):
    survey = _survey_for(request, survey_id, can_manage_invitations)
    form = InvitationForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        group = form.cleaned_data["group"]
        if form.cleaned_data["delivery"] == "email":
            tasks.send_invitations.enqueue(survey_id=survey.pk, group_id=group.pk, sent_by_id=request.user.pk)
            messages.success(
                request, _("Invitations are being e-mailed to the members of %(group)s.") % {"group": group}
            )
            return redirect("surveys_admin:results", survey_id=survey.pk)
        try:
            tokens = services.invitations_create(
                survey=survey, count=form.cleaned_data["count"], group=group, created_by=request.user
            )
        except services.SurveyError as error:
            form.add_error("count", error.detail)
        else:
            services.export_record(survey=survey, user=request.user, kind=ExportKind.INVITATIONS_CSV)
            response = StreamingHttpResponse(_links_csv(request, tokens), content_type=CSV)
            response["Content-Disposition"] = f'attachment; filename="{_filename(survey, "links.csv")}"'
            return response
    counts = {
        "made": survey.invitations.count(),
        "used": survey.invitations.filter(use__isnull=False).count(),
    }
    return render(
        request, "surveys/admin/invitations.html", {"survey": survey, "form": form, "counts": counts}
    )


@require_POST
def reminders(request, survey_id: int):
    survey = _survey_for(request, survey_id, can_manage_invitations)
    if survey.is_anonymous:
        messages.error(request, _("Reminders are only for identified surveys: we cannot know who answered."))
    else:
        tasks.send_reminders.enqueue(survey_id=survey.pk)
        messages.success(request, _("Reminders are being sent to target members who have not answered yet."))
    return redirect("surveys_admin:results", survey_id=survey.pk)


@require_POST
def publish_text(request, survey_id: int, answer_id: int):
    survey = _survey_for(request, survey_id, can_view_results)
    if not request.user.has_perm("surveys.change_answer"):
        raise PermissionDenied
    answer = get_object_or_404(Answer, pk=answer_id, survey=survey)
    services.answer_set_published(answer=answer, published=request.POST.get("published") == "1")
    return redirect(reverse("surveys_admin:results", args=[survey.pk]) + f"#q-{answer.question_id}")
