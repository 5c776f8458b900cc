import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from portal.accounts.factories import UserFactory
from portal.accounts.permissions import (
    VerifiedRequiredMixin,
    user_can_take_part,
    user_can_verify_memberships,
    user_is_staff_member,
    verified_required,
)

pytestmark = pytest.mark.django_db


@verified_required
def take_part(request):
    return HttpResponse("ok")


class TakePartView(VerifiedRequiredMixin, View):
    def get(self, request):
        return HttpResponse("ok")


def _request(user):
    request = RequestFactory().get("/workgroups/-/comment/?x=1")
    request.user = user
    return request


def test_take_part_rule(user, unverified_user):
    assert user_can_take_part(user)
    assert not user_can_take_part(unverified_user)
    assert not user_can_take_part(AnonymousUser())
    user.is_deidentified = True
    assert not user_can_take_part(user)
    assert not user_can_take_part(UserFactory(is_active=False))


@pytest.mark.parametrize("view", [take_part, TakePartView.as_view()])
def test_verified_required_lets_verified_people_in(view, user):
    assert view(_request(user)).content == b"ok"


@pytest.mark.parametrize("view", [take_part, TakePartView.as_view()])
def test_verified_required_sends_unverified_people_to_the_explanation(view, unverified_user):
    response = view(_request(unverified_user))
    assert response.status_code == 302
    assert response["Location"] == "/me/verify-email/?next=%2Fworkgroups%2F-%2Fcomment%2F%3Fx%3D1"


@pytest.mark.parametrize("view", [take_part, TakePartView.as_view()])
def test_verified_required_sends_anonymous_people_to_sign_in(view):
    response = view(_request(AnonymousUser()))
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    ("roles", "staff", "verifier"),
    [
        (["Administrators"], True, True),
        (["Moderators"], True, True),
        (["Editors"], True, False),
        (["Facilitators"], True, False),
        (["Survey analysts"], True, False),
        ([], False, False),
    ],
)
def test_staff_and_verifier_roles(make_staff, roles, staff, verifier):
    person = make_staff(*roles)
    assert user_is_staff_member(person) is staff
    assert user_can_verify_memberships(person) is verifier
