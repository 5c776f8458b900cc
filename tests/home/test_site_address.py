"""Canonical links, og:url and the sitemap use the configured public address."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_set_site_address_makes_canonical_og_and_sitemap_agree(client, settings):
    settings.SITE_BASE_URL = "https://portal.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("set_site_address")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.example.org", 443)
    home = HomePage.objects.first()
    page = client.get(home.url, HTTP_HOST="portal.example.org").content.decode()
    assert '<link rel="canonical" href="https://portal.example.org/">' in page
    assert '<meta property="og:url" content="https://portal.example.org/">' in page
    sitemap = client.get("/sitemap.xml", HTTP_HOST="portal.example.org").content.decode()
    assert "<loc>https://portal.example.org/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_set_site_address_refuses_a_bad_address():
    with pytest.raises(CommandError):
        call_command("set_site_address", url="not an address")
