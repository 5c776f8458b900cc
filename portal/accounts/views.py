from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def my_portal(request):
    return render(
        request,
        "accounts/my_portal.html",
        {"memberships": selectors.memberships_for_user(user=request.user)},
    )
