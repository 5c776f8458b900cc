"""Who may see each engagement screen and export: the whole matrix, through real requests."""

import pytest
from django.urls import reverse

from engagement.factories import PartnerFactory

#               role         read   edit   export
MATRIX = [
    ("anonymous", False, False, False),
    ("participant", False, False, False),
    ("lead", True, True, True),
    ("administrator", True, True, True),
    ("moderator", True, False, False),
    ("editor", True, False, False),
    ("facilitator", True, False, False),
    ("analyst", True, False, False),
]
READ_SCREENS = [
    "engagement_admin:dashboard",
    "engagement_admin:ecomap",
    "engagement_admin:matrix",
    "engagement_partners:index",
    "engagement_actions:index",
    "engagement_assessments:index",
]
CQI_PANELS = ["participation", "representation", "responsiveness", "feedback", "progress"]
EDIT_SCREENS = ["engagement_partners:add", "engagement_actions:add", "engagement_assessments:add"]


def _ok(response):
    return response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role, may_read, may_edit, may_export", MATRIX)
def test_permission_matrix(client, person_in_role, role, may_read, may_edit, may_export):
    partner = PartnerFactory()
    person = person_in_role(role)
    if person:
        client.force_login(person)
    for name in READ_SCREENS:
        assert _ok(client.get(reverse(name))) is may_read, name
    for key in CQI_PANELS:
        assert _ok(client.get(reverse("engagement_admin:cqi", args=[key]))) is may_read, key
        for fmt in ("csv", "xlsx"):
            response = client.get(reverse("engagement_admin:cqi_export", args=[key, fmt]))
            assert _ok(response) is may_export, (key, fmt)
    for name in EDIT_SCREENS:
        assert _ok(client.get(reverse(name))) is may_edit, name
    assert _ok(client.get(reverse("engagement_partners:edit", args=[partner.pk]))) is may_edit
    assert _ok(client.get(reverse("engagement_admin:status_change", args=[partner.pk]))) is may_edit
    response = client.post(
        reverse("engagement_admin:status_change", args=[partner.pk]),
        {"status": "red", "reason": "Meetings stopped."},
    )
    partner.refresh_from_db()
    assert (partner.status == "red") is may_edit
    for fmt, kind in (("csv", "text/csv"), ("xlsx", "application/vnd.openxml")):
        response = client.get(reverse("engagement_admin:export", args=[fmt]))
        assert (_ok(response) and response["Content-Type"].startswith(kind)) is may_export, fmt
    # The public summary is for everyone.
    assert _ok(client.get(reverse("engagement:summary")))


@pytest.mark.django_db
def test_unknown_export_format_is_not_found(client, lead):
    client.force_login(lead)
    assert client.get(reverse("engagement_admin:export", args=["pdf"])).status_code == 404
