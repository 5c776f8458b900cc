"""Transactional tests run after others that flush the database, migration data included:
put back what moderation's transactional tests need (the page tree, a staff role)."""

from django.contrib.auth.models import Group, Permission


def ensure_site_tree() -> None:
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    if not HomePage.objects.exists():
        home = root.add_child(instance=HomePage(title="Home", slug="home", locale=locale))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )


def ensure_admin_role(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group
