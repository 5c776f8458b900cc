"""Template helpers for the site layout (header navigation state, badges, wait times)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_current(context, item) -> str:
    """The aria-current value for a main-navigation `item`: "page", "true" (a page in its
    section is shown) or "" (not current). Works for Wagtail pages and for app views
    under a section's URL (e.g. /workgroups/-/...)."""
    page = context.get("page")
    if page is not None and getattr(page, "path", None):
        if page.pk == item.pk:
            return "page"
        if page.path.startswith(item.path):
            return "true"
        return ""
    request = context.get("request")
    url = item.get_url(request) if request is not None else item.url
    if request is None or not url or url == "/":
        return ""
    if request.path == url:
        return "page"
    return "true" if request.path.startswith(url) else ""


@register.filter
def wait_in_words(seconds) -> str:
    """Seconds as a plain-language wait: "30 seconds", "1 minute", "about 5 minutes"."""
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return "a minute"
    if seconds <= 0:
        return "a moment"
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes, rest = divmod(seconds, 60)
    if rest:
        minutes += 1
        return f"about {minutes} minutes"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
