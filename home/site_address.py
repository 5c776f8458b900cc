"""The public address is one setting: the default Wagtail Site follows SITE_BASE_URL.

Canonical links, og:url, the sitemap, feeds and iCal build absolute URLs from the Wagtail
Site (hostname, port); e-mails use SITE_BASE_URL. `site_address_sync` makes them agree; the
`set_site_address` command and `load_demo` call it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def site_address_sync(*, base_url: str | None = None) -> Site | None:
    """Set the default Site's hostname and port from `base_url` (SITE_BASE_URL by default)."""
    parts = urlsplit(base_url or settings.SITE_BASE_URL)
    if not parts.hostname:
        raise ValueError(f"Not an address: {base_url or settings.SITE_BASE_URL!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
