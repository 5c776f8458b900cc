"""Wagtail's API v2 (pages, images, documents), limited to what anyone may read.

Pages: live, without a view restriction, outside every private workgroup. Images and
documents: outside every collection with a view restriction.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from . import selectors
from .api import PublicAPIMixin


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        # Each page's meta names its locale: one join, not a query per page.
        return selectors.public_pages(super().get_base_queryset()).select_related("locale")


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(selectors.public_collections_q())


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(selectors.public_collections_q())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
