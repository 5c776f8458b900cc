"""A signed-in person without admin access who opens /admin/ gets a plain page, not a login loop.

Wagtail would send them to its login, which (being allauth's) sends a signed-in person
straight back to /admin/. This answers first with a 403 page that says who the admin is for.
"""

from django.shortcuts import render
from django.urls import reverse


class AdminForStaffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        admin_home = reverse("wagtailadmin_home")
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(admin_home)
            and not request.path.startswith(reverse("admin_login"))
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "accounts/admin_for_staff.html", status=403)
        return self.get_response(request)
