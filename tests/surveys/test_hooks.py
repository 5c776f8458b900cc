import pytest
from django.test import RequestFactory

from portal.extension_points import collect_panels, collect_user_data, run_user_deidentify
from surveys import services
from surveys.models import Response

from .conftest import full_answers


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.django_db
def test_home_and_my_portal_panels(members_survey, member):
    home = [
        p for p in collect_panels("portal_home_panels", _request(member)) if p.template.startswith("surveys")
    ]
    assert [e.survey for e in home[0].context["entries"]] == [members_survey]
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    mine = [
        p
        for p in collect_panels("portal_my_portal_panels", _request(member))
        if p.template.startswith("surveys")
    ][0]
    assert [e.survey for e in mine.context["done"]] == [members_survey]


@pytest.mark.django_db
def test_data_export_has_identified_answers_only(members_survey, anonymous_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    [token] = services.invitations_create(survey=anonymous_survey, count=1)
    services.response_submit(
        survey=anonymous_survey,
        user=member,
        data=full_answers(anonymous_survey),
        invitation=services.invitation_lookup(token=token),
    )
    data = collect_user_data(member)["surveys"]
    assert [r["survey"] for r in data["responses"]] == [members_survey.title]


@pytest.mark.django_db
def test_deidentify_hook(members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    run_user_deidentify(member)
    assert Response.objects.get().user_id is None


@pytest.mark.django_db
def test_initiative_hook_lists_linked_surveys(members_survey):
    from wagtail import hooks

    [fn] = [f for f in hooks.get_hooks("portal_initiative_related") if f.__module__.startswith("surveys")]
    initiative = members_survey.get_parent()
    # (any page here: the initiative model belongs to another branch; save() would insist on one)
    type(members_survey).objects.filter(pk=members_survey.pk).update(initiative=initiative)
    panel = fn(_request(None), initiative)
    assert panel.context["surveys"] == [members_survey]
