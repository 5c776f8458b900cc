import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_spanish_prefix_sets_html_lang(client, settings_home=None):
    response = client.get("/es/accounts/login/")
    assert response.status_code == 200
    assert '<html lang="es"' in response.content.decode()


def test_unprefixed_page_is_english(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_first_visit_follows_accept_language(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/login/"


def test_chosen_english_is_not_redirected_again(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200


def test_admin_and_healthz_never_redirect(client):
    assert client.get("/healthz", HTTP_ACCEPT_LANGUAGE="es").status_code != 302
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es")
    assert not response.get("Location", "").startswith("/es/")


def test_switcher_remembers_choice_in_cookie_and_profile(client, django_user_model):
    user = django_user_model.objects.create_user(username="ana", email="ana@example.org", password="x" * 12)
    client.force_login(user)
    response = client.get("/language/es/", {"next": "/es/me/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/me/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    user.refresh_from_db()
    assert user.language == "es"


def test_switcher_refuses_offsite_next(client):
    response = client.get("/language/es/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_switcher_link_on_sign_in_page(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'hreflang="es"' in html


def test_spanish_interface_is_translated(client):
    html = client.get("/es/accounts/login/").content.decode()
    assert "Iniciar sesión" in html
    assert "Ir al contenido principal" in html
