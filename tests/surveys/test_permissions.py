"""Who may list, answer, see results and export: the whole matrix, through real requests."""

import random

import pytest
from django.urls import reverse

from portal.accounts.factories import UnverifiedUserFactory, UserFactory
from portal.accounts.mfa import totp_activate
from surveys.factories import bulk_responses
from surveys.models import SurveyExport

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

#            role            list   answer results export
MATRIX = [
    ("anonymous", False, False, False, False),
    ("target member", True, True, False, False),
    ("other group member", False, False, False, False),
    ("unverified member", False, False, False, False),
    ("analyst", False, False, True, True),
    ("editor", False, False, False, False),
    ("moderator", False, False, False, False),
    ("administrator", False, False, True, True),
]


def _person(role, youth_group, other_group):
    staff = {
        "analyst": "Survey analysts",
        "editor": "Editors",
        "moderator": "Moderators",
        "administrator": "Administrators",
    }
    if role == "anonymous":
        return None
    if role == "target member":
        return UserFactory(stakeholder_groups=[youth_group])
    if role == "other group member":
        return UserFactory(stakeholder_groups=[other_group])
    if role == "unverified member":
        return UnverifiedUserFactory(stakeholder_groups=[youth_group])
    person = UserFactory(roles=[staff[role]])
    totp_activate(user=person, secret=SECRET)
    return person


@pytest.mark.django_db
@pytest.mark.parametrize("role, may_list, may_answer, may_see_results, may_export", MATRIX)
def test_permission_matrix(
    client,
    members_survey,
    youth_group,
    other_group,
    index,
    role,
    may_list,
    may_answer,
    may_see_results,
    may_export,
):
    bulk_responses(members_survey, 12, random.Random(4))
    person = _person(role, youth_group, other_group)
    if person:
        client.force_login(person)
    listing = client.get(index.url)
    assert (members_survey.title.encode() in listing.content) is may_list
    answer = client.get(reverse("surveys:answer", args=[members_survey.pk]))
    assert (b"Part 1 of 2" in answer.content) is may_answer
    results = client.get(reverse("surveys_admin:results", args=[members_survey.pk]))
    assert (results.status_code == 200 and b"Responses:" in results.content) is may_see_results
    export = client.get(reverse("surveys_admin:export_csv", args=[members_survey.pk]))
    exported = export.status_code == 200 and export.get("Content-Type", "").startswith("text/csv")
    assert exported is may_export
    assert SurveyExport.objects.exists() is may_export


@pytest.mark.django_db
def test_invitation_mode_is_not_listed_and_needs_a_link(client, anonymous_survey, youth_group, index):
    client.force_login(UserFactory(stakeholder_groups=[youth_group]))
    assert anonymous_survey.title.encode() not in client.get(index.url).content
    answer = client.get(reverse("surveys:answer", args=[anonymous_survey.pk]))
    assert b"This survey is by invitation" in answer.content
