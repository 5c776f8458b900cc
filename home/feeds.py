"""RSS and Atom feeds of updates (Django's syndication framework)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home import selectors


class UpdatesRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or "News from the partnership."

    subtitle = description

    def items(self):
        return selectors.updates_for_feed(index_page=self.index_page)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_author_name(self, item):
        return item.byline

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.initiative.title] if item.initiative_id and item.initiative else []


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed
