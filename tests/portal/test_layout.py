"""The layout (base.html and its includes) as server-rendered HTML: header, navigation state,
header links with badges, account links, footer from site settings, messages."""

import re

import pytest
from django.contrib import messages
from django.template import Context, Template
from wagtail import hooks
from wagtail.models import Site

from home.models import HomePage, PortalSettings, StandardPage
from home.templatetags.layout_tags import wait_in_words
from portal.extension_points import HEADER_LINKS, HeaderLink


@pytest.fixture
def sections(db):
    home = HomePage.objects.get()
    made = {
        title: home.add_child(instance=StandardPage(title=title, show_in_menus=True))
        for title in ["Initiatives", "Workgroups"]
    }
    home.add_child(instance=StandardPage(title="Hidden from menus", show_in_menus=False))
    made["child"] = made["Initiatives"].add_child(instance=StandardPage(title="Family team meetings"))
    return made


def _main_nav(html: str) -> str:
    return re.search(r'<nav aria-label="Main".*?</nav>', html, re.S).group(0)


def test_header_lists_menu_sections_and_marks_the_current_one(client, sections):
    html = client.get(sections["child"].url).content.decode()
    nav = _main_nav(html)
    assert "Initiatives" in nav and "Workgroups" in nav
    assert "Hidden from menus" not in nav
    assert re.search(r'aria-current="true"><span>Initiatives', nav)
    assert nav.count("aria-current") == 1

    nav = _main_nav(client.get(sections["Workgroups"].url).content.decode())
    assert re.search(r'aria-current="page"><span>Workgroups', nav)


def test_app_views_under_a_section_url_mark_that_section(rf, sections):
    template = Template("{% load layout_tags %}{% nav_current item as c %}[{{ c }}]")
    request = rf.get(sections["Workgroups"].url + "-/topics/12/")
    assert template.render(Context({"item": sections["Workgroups"], "request": request})) == "[true]"
    assert template.render(Context({"item": sections["Initiatives"], "request": request})) == "[]"
    request = rf.get(sections["Workgroups"].url)
    assert template.render(Context({"item": sections["Workgroups"], "request": request})) == "[page]"


def test_anonymous_header_offers_sign_in_join_and_search(client, db):
    html = client.get("/").content.decode()
    assert 'href="/accounts/login/">Sign in<' in html
    assert 'href="/accounts/signup/">Join the portal<' in html
    assert "Sign out" not in html
    assert re.search(r'<form class="usa-search[^"]*" role="search" method="get" action="/search/">', html)
    assert 'name="q"' in html
    # The skip link comes before anything else in the body.
    body = html.split("<body", 1)[1]
    assert body.index("usa-skipnav") < body.index("<header")


def test_signed_in_header_offers_my_portal_and_sign_out(client, user):
    client.force_login(user)
    html = client.get("/").content.decode()
    assert ">My portal<" in html
    assert re.search(r'<form method="post" action="/accounts/logout/"[^>]*>.*?Sign out', html, re.S)
    assert "Sign in" not in html


def test_header_links_show_badges_accessibly(client, db):
    def links(request):
        return [
            HeaderLink(label="Notifications", url="/notifications/", badge=3, badge_label="3 unread"),
            HeaderLink(label="Moderation", url="/moderation/", badge=0),
        ]

    with hooks.register_temporarily(HEADER_LINKS, links):
        html = client.get("/").content.decode()
    assert re.search(
        r'<a href="/notifications/">Notifications<span class="portal-badge" aria-hidden="true">3</span>'
        r'<span class="usa-sr-only">: 3 unread</span></a>',
        html,
    )
    # No badge for a zero count.
    assert '<a href="/moderation/">Moderation</a>' in html


def test_footer_comes_from_site_settings(client, sections):
    site = Site.objects.get(is_default_site=True)
    settings = PortalSettings.for_site(site)
    settings.organisation_name = "Lakeshore County Family Services"
    settings.contact_email = "help@lakeshore.example.org"
    settings.contact_phone = "(555) 010-2040"
    settings.hotline_phone = "1-800-555-0123"
    settings.accessibility_page = sections["Initiatives"]
    settings.save()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert "Lakeshore County Family Services" in footer
    assert 'href="mailto:help@lakeshore.example.org"' in footer
    assert 'href="tel:1-800-555-0123"' in footer
    assert f'href="{sections["Initiatives"].url}">Accessibility<' in footer
    assert "Privacy notice" not in footer  # not set: no dead link


def test_messages_render_as_uswds_alerts(rf, db):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    messages.success(request, "Your comment is posted.")
    messages.error(request, "We could not save that.")
    html = render_to_string("includes/messages.html", request=request)
    assert re.search(r'usa-alert--success" role="status">.*Your comment is posted', html, re.S)
    assert re.search(r'usa-alert--error" role="alert">.*We could not save that', html, re.S)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (61, "about 2 minutes"),
        (600, "10 minutes"),
        (None, "a minute"),
        (0, "a moment"),
    ],
)
def test_wait_in_words(seconds, words):
    assert wait_in_words(seconds) == words
