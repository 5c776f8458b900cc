import re

from django.urls import path, re_path

from home import views

urlpatterns = [
    path("search/", views.search, name="search"),
    # Before the DEBUG media route: document files are reachable only through /documents/.
    re_path(rf"^{re.escape(views.media_documents_prefix())}(?P<path>.*)$", views.document_media_refused),
]
