"""No-store on personal pages, Permissions-Policy everywhere, the site's CSRF page."""

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/me/", "/me/profile/", "/notifications/", "/moderation/-/"])
def test_personal_pages_are_no_store(client, user, path):
    client.force_login(user)
    response = client.get(path)
    assert "no-store" in response["Cache-Control"], path


@pytest.mark.django_db
def test_sign_in_page_is_no_store_and_has_permissions_policy(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_anonymous_public_page_is_not_no_store(client):
    response = client.get("/healthz")
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_csrf_failure_is_the_sites_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "x", "password": "y"})
    assert response.status_code == 403
    assert b"This form has expired" in response.content
    assert "no-store" in response["Cache-Control"]


def test_deploy_check_refuses_per_process_cache():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=locmem):
        ids = [m.id for m in run_checks(include_deployment_checks=True)]
    assert "operations.E001" in ids


def test_deploy_check_accepts_database_cache():
    db_cache = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache"}
    }
    with override_settings(CACHES=db_cache):
        ids = [m.id for m in run_checks(include_deployment_checks=True)]
    assert "operations.E001" not in ids


@pytest.mark.django_db
def test_forged_host_answers_the_sites_400_page():
    client = Client(raise_request_exception=False)
    with override_settings(ALLOWED_HOSTS=["portal.example.org"]):
        response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert b"We could not understand that request" in response.content


@pytest.mark.django_db
def test_public_pages_have_a_strict_csp(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_admin_has_its_own_relaxed_csp(client, make_staff):
    client.force_login(make_staff("Administrators"))
    policy = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy
