"""Authoring in the Wagtail admin: the page form renders, and edits that would corrupt
collected answers are refused with the reason shown."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from surveys import services
from surveys.models import SurveyIndexPage, SurveyPage

from .conftest import full_answers


@pytest.fixture
def admin_client(client, db):
    person = UserFactory(roles=["Administrators"], is_superuser=True)
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(person)
    return client


@pytest.mark.django_db
def test_survey_pages_fit_the_tree():
    from wagtail.test.utils import WagtailPageTestCase

    case = WagtailPageTestCase()
    case.assertCanCreateAt(SurveyIndexPage, SurveyPage)
    case.assertCanNotCreateAt(SurveyPage, SurveyPage)


@pytest.mark.django_db
def test_add_form_renders(admin_client, index):
    url = reverse("wagtailadmin_pages:add", args=["surveys", "surveypage", index.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"Likert" in response.content and b"Invitation links only" in response.content


@pytest.mark.django_db
def test_edit_refuses_removing_an_answered_question(admin_client, members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    edit = reverse("wagtailadmin_pages:edit", args=[members_survey.pk])
    assert admin_client.get(edit).status_code == 200
    sections = members_survey.sections.raw_data
    first = sections[0]
    data = nested_form_data(
        {
            "title": members_survey.title,
            "slug": members_survey.slug,
            "intro": "",
            "thank_you": "",
            "access_mode": "members",
            "sections": streamfield(
                [
                    (
                        "section",
                        {
                            "title": first["value"]["title"],
                            "intro": "",
                            "show_if_code": "",
                            "show_if_value": "",
                            "questions": streamfield(
                                [
                                    (
                                        "short_text",
                                        {
                                            "label": "A new question",
                                            "help_text": "",
                                            "code": "N1",
                                            "show_if_code": "",
                                            "show_if_value": "",
                                        },
                                    ),
                                ]
                            ),
                        },
                    )
                ]
            ),
        }
    )
    response = admin_client.post(edit, data, follow=True)
    assert "already has answers, so it cannot be removed" in response.content.decode()
    assert len(SurveyPage.objects.get(pk=members_survey.pk).schema) == 2


@pytest.mark.django_db
def test_admin_screens_render(admin_client, members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    admin_client.get(reverse("surveys_admin:export_csv", args=[members_survey.pk]))
    urls = [
        reverse("surveys_admin:list"),
        reverse("surveys_admin:invitations", args=[members_survey.pk]),
        reverse("survey_exports:index"),
        reverse("wagtailadmin_explore", args=[members_survey.get_parent().pk]),
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    log = admin_client.get(reverse("survey_exports:index")).content.decode()
    assert "Responses (CSV)" in log
