"""A signed-in participant at /admin/ gets a clear page, not a redirect loop."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/workgroups/requests/"])
def test_participant_at_admin_gets_a_clear_403(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 403
    body = response.content.decode()
    assert "The admin is for agency staff" in body and "My portal" in body


def test_anonymous_still_goes_to_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]
