from django import template

register = template.Library()

_UNSET = object()


@register.simple_tag(takes_context=True)
def active_sanction(context):
    """The viewer's active silence or suspension, looked up once per request."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    cached = getattr(request, "_moderation_sanction", _UNSET)
    if cached is _UNSET:
        from forums.moderation.services import sanction_active

        cached = sanction_active(user=request.user)
        request._moderation_sanction = cached
    return cached
