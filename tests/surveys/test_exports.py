import csv
import io
import random

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from portal.accounts.factories import StakeholderGroupFactory, UserFactory
from portal.accounts.mfa import totp_activate
from surveys import services
from surveys.factories import bulk_responses
from surveys.models import ExportKind, Invitation, SurveyExport

from .conftest import full_answers


@pytest.fixture
def analyst(make_staff):
    person = make_staff("Survey analysts")
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return person


def _csv(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


@pytest.mark.django_db
def test_csv_export_is_streamed_row_per_response_and_logged(client, members_survey, member, analyst):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    bulk_responses(members_survey, 30, random.Random(1))
    client.force_login(analyst)
    response = client.get(reverse("surveys_admin:export_csv", args=[members_survey.pk]))
    assert response.streaming
    rows = _csv(response)
    header, first = rows[0], rows[1]
    assert len(rows) == 32
    assert header[:7] == ["Row", "Date", "Respondent", "Username", "Stakeholder group", "Region", "Language"]
    assert any("I know my rights" in h for h in header) and any("I know who to call" in h for h in header)
    assert first[3] == member.username
    log = SurveyExport.objects.get()
    assert (log.user, log.kind) == (analyst, ExportKind.RESPONSES_CSV)


@pytest.mark.django_db
def test_anonymous_export_has_no_identity_columns(client, anonymous_survey, analyst):
    bulk_responses(anonymous_survey, 12, random.Random(2))
    client.force_login(analyst)
    rows = _csv(client.get(reverse("surveys_admin:export_csv", args=[anonymous_survey.pk])))
    assert "Respondent" not in rows[0] and "Username" not in rows[0]


@pytest.mark.django_db
def test_xlsx_export(client, members_survey, analyst):
    bulk_responses(members_survey, 15, random.Random(3))
    client.force_login(analyst)
    response = client.get(reverse("surveys_admin:export_xlsx", args=[members_survey.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook["Responses"].iter_rows(values_only=True))
    assert len(rows) == 16 and rows[0][0] == "Row"


@pytest.mark.django_db
def test_aggregate_export_is_suppressed(client, members_survey, analyst):
    bulk_responses(members_survey, 14, random.Random(5), groups=[StakeholderGroupFactory()])
    client.force_login(analyst)
    rows = _csv(client.get(reverse("surveys_admin:export_aggregate", args=[members_survey.pk])))
    people = [r[4] for r in rows[1:] if r[3] != "Average"]
    for value in people:
        if value.isdigit():
            assert int(value) == 0 or int(value) >= 11
        else:
            assert value in ("fewer than 11", "hidden")


@pytest.mark.django_db
def test_formula_injection_is_neutralised(client, members_survey, member, analyst):
    from .conftest import q

    data = full_answers(members_survey) | {q(members_survey, "Q6").id: '=HYPERLINK("http://x")'}
    services.response_submit(survey=members_survey, user=member, data=data)
    client.force_login(analyst)
    rows = _csv(client.get(reverse("surveys_admin:export_csv", args=[members_survey.pk])))
    assert '\'=HYPERLINK("http://x")' in rows[1]


@pytest.mark.django_db
def test_invitation_links_download_and_email(client, anonymous_survey, youth_group, analyst):
    client.force_login(analyst)
    url = reverse("surveys_admin:invitations", args=[anonymous_survey.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"count": 7, "group": youth_group.pk, "delivery": "download"})
    rows = _csv(response)[1:]
    assert len(rows) == 7 and all("/surveys/-/invitation/#t=" in r[0] for r in rows)
    assert Invitation.objects.filter(survey=anonymous_survey).count() == 7
    UserFactory(stakeholder_groups=[youth_group])
    UserFactory(stakeholder_groups=[youth_group])
    mail.outbox.clear()
    client.post(url, {"count": 1, "group": youth_group.pk, "delivery": "email"})
    assert len(mail.outbox) == 2
    assert "/surveys/-/invitation/#t=" in mail.outbox[0].body
    assert Invitation.objects.filter(survey=anonymous_survey, user__isnull=False).count() == 0


@pytest.mark.django_db
def test_reminders_go_to_members_who_have_not_answered(client, members_survey, member, youth_group, analyst):
    waiting = UserFactory(stakeholder_groups=[youth_group])
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    client.force_login(analyst)
    mail.outbox.clear()
    client.post(reverse("surveys_admin:reminders", args=[members_survey.pk]))
    assert [m.to for m in mail.outbox] == [[waiting.email]]
