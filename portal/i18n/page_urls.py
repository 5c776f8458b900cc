"""Wagtail's front-end URLs with its page view wrapped for the fallback to English."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from . import views

urlpatterns = [p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"]
urlpatterns.append(re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"))
