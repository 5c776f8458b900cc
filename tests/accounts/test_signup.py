"""Sign-up: the portal's questions, and every kind of bad input."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from portal.accounts.models import Membership, Region, StakeholderGroup, User

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "lantern-orchard-91"


def _data(**overrides):
    data = {
        "email": "river@example.org",
        "display_name": "River",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        "age_band": "18-24",
    }
    data.update(overrides)
    return data


def test_signup_page_asks_the_portal_questions(client):
    html = client.get(reverse("account_signup")).content.decode()
    for name in ("email", "display_name", "password1", "password2", "age_band", "groups", "region"):
        assert f'name="{name}"' in html
    assert "usa-input" in html and "usa-checkbox__input" in html
    assert "Agency staff" not in html  # administrators add people to that group


def test_signup_saves_profile_groups_and_sends_verification(client):
    region = Region.objects.create(name="Lakeshore County", slug="lakeshore")
    groups = list(StakeholderGroup.objects.filter(slug__in=["birth-parents", "education"]))

    response = client.post(reverse("account_signup"), _data(groups=[g.pk for g in groups], region=region.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="river@example.org")
    assert (user.display_name, user.age_band, user.region) == ("River", "18-24", region)
    assert set(Membership.objects.filter(user=user).values_list("group__slug", flat=True)) == {
        "birth-parents",
        "education",
    }
    assert not Membership.objects.filter(user=user, verified_at__isnull=False).exists()
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["river@example.org"]
    assert re.search(r"/accounts/confirm-email/[^/\s]+/", mail.outbox[0].body)


def test_under_13_is_refused_kindly_and_nothing_saved(client):
    response = client.post(reverse("account_signup"), _data(age_band="under-13"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "13 or older" in html and "survey link" in html
    assert 'value="River"' in html  # typed text kept
    assert not User.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("password", "message"),
    [("password123", "too common"), ("short1", "too short"), ("12345678901", "entirely numeric")],
)
def test_weak_password_gets_a_clear_message(client, password, message):
    response = client.post(reverse("account_signup"), _data(password1=password, password2=password))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="river@example.org"' in html and 'value="River"' in html
    assert "There is a problem" in html
    assert not User.objects.exists()


def test_mismatched_passwords(client):
    response = client.post(reverse("account_signup"), _data(password2="lantern-orchard-92"))
    assert response.status_code == 200
    assert "same password" in response.content.decode()
    assert not User.objects.exists()


def test_taken_email_reveals_nothing_and_tells_the_owner(client, user):
    # Enumeration prevention: the page looks like success; the owner gets an e-mail.
    response = client.post(reverse("account_signup"), _data(email=user.email.upper()))
    assert response.status_code == 302
    assert User.objects.filter(email__iexact=user.email).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert "already" in mail.outbox[0].body.lower()


def test_missing_display_name_and_age(client):
    response = client.post(reverse("account_signup"), _data(display_name="  ", age_band=""))
    html = response.content.decode()
    assert "Enter a display name." in html and "Choose your age, or “Prefer not to say”." in html
    assert "This field is required." not in html
    assert 'href="#id_age_band"' in html and 'href="#id_display_name"' in html  # summary links
    assert not User.objects.exists()


def test_verification_link_confirms_and_signs_in(client):
    client.post(reverse("account_signup"), _data())
    link = re.search(r"(/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.status_code == 200 and b"Confirm" in page.content
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="river@example.org").verified


@pytest.mark.parametrize("key", ["not-a-real-key", "MQ:1tXyZ:abcdefghijklmnop"])
def test_wrong_or_expired_verification_link_gets_a_clear_page(client, key):
    response = client.get(reverse("account_confirm_email", args=[key]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "expired or is invalid" in html
    assert "usa-" in html and "Family Partnership Portal" in html


def test_wrong_reset_link_gets_a_clear_page(client):
    response = client.get("/accounts/password/reset/key/1x-not-a-token/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "does not work" in html and "usa-" in html


def test_password_reset_sends_mail_only_to_known_addresses_but_says_the_same(client, user):
    known = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    reset_mail = next(m for m in mail.outbox if m.to == [user.email])
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", reset_mail.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and b'name="password1"' in form.content
