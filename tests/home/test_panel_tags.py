import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from wagtail import hooks

from portal.extension_points import HOME_PANELS, Panel


@pytest.mark.django_db
def test_panels_render_as_markup_not_escaped_text(settings, tmp_path):
    (tmp_path / "panel.html").write_text('<section class="probe-panel">{{ who }} &amp; co</section>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    def probe(request):
        return Panel(title="Probe", template="panel.html", context={"who": "<b>Ann</b>"})

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with hooks.register_temporarily(HOME_PANELS, probe):
        html = Template('{% load panel_tags %}{% render_panels "portal_home_panels" %}').render(
            Context({"request": request})
        )
    assert '<section class="probe-panel">' in html
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html  # context values are still escaped by the panel
