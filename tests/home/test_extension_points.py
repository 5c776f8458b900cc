import pytest
from wagtail import hooks

from home.extension_points import INITIATIVE_RELATED
from portal.extension_points import HOME_PANELS, Panel


@pytest.mark.django_db
def test_initiative_shows_panels_other_apps_register(client, initiative):
    def related_workgroups(request, page):
        assert page.pk == initiative.pk
        return Panel(
            title="Related workgroups",
            template="blocks/quote_block.html",
            context={"value": {"text": f"Kin workgroup for {page.title}"}},
        )

    def nothing(request, page):
        return None

    with (
        hooks.register_temporarily(INITIATIVE_RELATED, related_workgroups),
        hooks.register_temporarily(INITIATIVE_RELATED, nothing),
    ):
        html = client.get("/initiatives/kin-first/").content.decode()
    assert "Kin workgroup for Kin first" in html


@pytest.mark.django_db
def test_home_page_renders_home_panels(client):
    def open_surveys(request):
        return Panel(
            title="Surveys",
            template="blocks/quote_block.html",
            context={"value": {"text": "Open survey: Caregiver survey"}},
        )

    with hooks.register_temporarily(HOME_PANELS, open_surveys):
        assert "Open survey: Caregiver survey" in client.get("/").content.decode()
