from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from opendata import urls as opendata_urls
from portal import views
from portal.sitemaps import PortalSitemap

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PortalSitemap}}, name="sitemap"),
    # Wagtail's own login form has no rate limits: /admin/login/ goes to allauth's, keeping ?next=.
    path("admin/login/", include("portal.accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("language/", include("portal.i18n.urls")),  # i18n: the switcher's choice
    # Wagtail's read API v2 (pages, images, documents): one address whatever the language.
    *opendata_urls.wagtail_urlpatterns,
]
# i18n: the public site in English (no prefix) and Spanish (/es/...).
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("me/", include("portal.accounts.urls")),
    path("notifications/", include("portal.notifications.urls")),
    path("", include("home.urls")),
    path("workgroups/-/", include("forums.urls")),
    path("agenda/-/", include("agenda.urls")),  # proposals and meetings (issue 15)
    path("moderation/-/", include("forums.moderation.urls")),
    path("surveys/-/", include("surveys.urls")),
    path("", include("opendata.urls")),  # open data: /open-data/, /api/v2/ (issue 14)
    path("engagement/", include("engagement.urls")),  # the public engagement summary (issue 11)
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page catch-all comes last (i18n: untranslated pages fall back to English).
urlpatterns += i18n_patterns(
    path("", include("portal.i18n.page_urls")),
    prefix_default_language=False,
)

handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
handler400 = "portal.operations.views.bad_request"  # operations (issue 9)
