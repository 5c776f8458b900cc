from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Wagtail's own login form has no rate limits: /admin/login/ goes to allauth's, keeping ?next=.
    path("admin/login/", include("portal.accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("me/", include("portal.accounts.urls")),
    path("notifications/", include("portal.notifications.urls")),
    path("", include("home.urls")),
    path("workgroups/-/", include("forums.urls")),
    path("moderation/-/", include("forums.moderation.urls")),
    path("surveys/-/", include("surveys.urls")),
    # Stakeholder engagement (issue 11): the public summary.
    path("engagement/", include("engagement.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page catch-all comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
