"""The sitemap from one query of plain pages (Wagtail's fetches each page type's fields: one
query per type, about 17, though a sitemap only needs each page's address and dates).

Pages below a private workgroup are left out by path, as `PrivateAwareMixin.get_sitemap_urls`
does for a single page; a page type that overrides `get_sitemap_urls` otherwise must be
handled here too (today none does).
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap


class PortalSitemap(Sitemap):
    def items(self):
        from forums.selectors import private_workgroup_paths

        pages = (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
        )
        private = [Q(path__startswith=path) for path in private_workgroup_paths()]
        return pages.exclude(reduce(or_, private)) if private else pages
