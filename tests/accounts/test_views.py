"""My portal: profile, groups, data download, account deletion, the verify-e-mail page."""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import hooks

from portal.accounts.factories import MembershipFactory, StakeholderGroupFactory, UserFactory
from portal.accounts.models import Membership, StakeholderGroup
from portal.extension_points import MY_PORTAL_PANELS, Panel

pytestmark = pytest.mark.django_db

PRIVATE_URLS = [
    "accounts:my_portal",
    "accounts:profile_edit",
    "accounts:data_export",
    "accounts:account_delete",
    "accounts:verify_email",
]


@pytest.mark.parametrize("name", PRIVATE_URLS)
def test_private_pages_need_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_my_portal_shows_groups_with_verified_state(client, user, make_staff):
    verified = MembershipFactory(user=user, group=StakeholderGroupFactory(name="Kinship circle"))
    verified.verified_at = verified.created_at
    verified.save()
    MembershipFactory(user=user, group=StakeholderGroupFactory(name="School partners"))
    client.force_login(user)
    html = client.get(reverse("accounts:my_portal")).content.decode()
    assert "Kinship circle" in html and "Confirmed by staff" in html
    assert "School partners" in html and "Not confirmed yet" in html
    assert "Please confirm your e-mail" not in html


def test_my_portal_query_count_does_not_grow(client, user):
    client.force_login(user)
    client.get(reverse("accounts:my_portal"))  # warm per-process caches (site, settings)
    counts = []
    for size in (5, 50):
        while Membership.objects.filter(user=user).count() < size:
            MembershipFactory(user=user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("accounts:my_portal")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_my_portal_renders_panels_from_apps(client, user):
    def panel(request):
        return Panel(title="Surveys waiting", template="accounts/tests/panel.html", context={"n": 3})

    client.force_login(user)
    with hooks.register_temporarily(MY_PORTAL_PANELS, panel):
        html = client.get(reverse("accounts:my_portal")).content.decode()
    assert "Surveys waiting: 3" in html


def test_profile_edit_keeps_typed_values_on_error(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:profile_edit"), {"display_name": "", "age_band": "18-24"})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert '<option value="18-24" selected>' in html


def test_profile_edit_changes_groups(client, user):
    education = StakeholderGroup.objects.get(slug="education")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile_edit"),
        {"display_name": "Robin", "age_band": "25+", "groups": [education.pk]},
    )
    assert response.status_code == 302
    assert list(Membership.objects.filter(user=user).values_list("group", flat=True)) == [education.pk]


def test_profile_edit_rejects_admin_only_group(client, user):
    staff_group = StakeholderGroup.objects.get(slug="agency-staff")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile_edit"),
        {"display_name": "Robin", "age_band": "25+", "groups": [staff_group.pk]},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user=user).exists()


def test_download_is_a_json_attachment_of_my_data_only(client, user):
    other = UserFactory()
    client.force_login(user)
    response = client.get(reverse("accounts:data_export"))
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-portal-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert other.email not in response.content.decode()


def test_delete_needs_the_right_password(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:account_delete"), {"password": "wrong-one"})
    assert response.status_code == 200
    assert "That password is not right" in response.content.decode()
    user.refresh_from_db()
    assert not user.is_deidentified


def test_delete_account_signs_out(client, user, password):
    client.force_login(user)
    response = client.post(reverse("accounts:account_delete"), {"password": password}, follow=True)
    assert "Your account is deleted" in response.content.decode()
    user.refresh_from_db()
    assert user.is_deidentified
    assert client.get(reverse("accounts:my_portal")).status_code == 302


def test_unverified_user_sees_how_to_verify_and_can_resend(client, unverified_user):
    client.force_login(unverified_user)
    page = client.get(reverse("accounts:verify_email") + "?next=/me/")
    html = page.content.decode()
    assert "Confirm your e-mail address first" in html and unverified_user.email in html
    response = client.post(reverse("accounts:verify_email"), {"next": "/me/"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [unverified_user.email]
    # A second request straight away is rate-limited by allauth, with a clear message.
    response = client.post(reverse("accounts:verify_email"), {"next": "/me/"}, follow=True)
    assert len(mail.outbox) == 1
    assert "a few minutes ago" in response.content.decode()


def test_verified_user_is_sent_on_from_verify_page(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts:verify_email") + "?next=/me/profile/")
    assert response["Location"] == "/me/profile/"
    response = client.get(reverse("accounts:verify_email") + "?next=https://evil.example/")
    assert response["Location"] == reverse("accounts:my_portal")


def test_email_change_sends_a_confirmation_and_keeps_the_old_address_until_then(client, user):
    old = user.email
    client.force_login(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new-home@example.org"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["new-home@example.org"]
    user.refresh_from_db()
    assert user.email == old


def test_password_change_with_wrong_current_password_is_refused(client, user, password):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong-one-1", "password1": "river-stone-772", "password2": "river-stone-772"},
    )
    assert response.status_code == 200 and b"usa-error-message" in response.content
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": "river-stone-772", "password2": "river-stone-772"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("river-stone-772")


def test_logout_is_a_post_from_the_header(client, user):
    client.force_login(user)
    html = client.get(reverse("accounts:my_portal")).content.decode()
    assert f'action="{reverse("account_logout")}"' in html
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
