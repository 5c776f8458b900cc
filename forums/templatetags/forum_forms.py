"""The reply form under each thread of a topic page, rendered once per page.

A page of a busy topic shows a reply form under each of its 20 threads; they differ only in
the parent comment's id (field ids, the hidden `parent` input). Rendering the include 20
times was a fifth of a signed-in reader's render, so it is rendered once with a placeholder
id and the id is filled in per thread. A thread whose reply came back with an error (a bound
form) is rendered in full, with what was typed.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()
FORM_TEMPLATE = "forums/includes/comment_form.html"
PLACEHOLDER = "0000000000"  # digits, so it survives every filter an id goes through


class _PlaceholderParent:
    pk = PLACEHOLDER


@register.simple_tag(takes_context=True)
def reply_form(context, parent, official_allowed: bool):
    if context.get("bound_form") and context.get("bound_parent") == str(parent.pk):
        bound = {**context.flatten(), "parent": parent, "official_allowed": official_allowed}
        return render_to_string(FORM_TEMPLATE, bound)
    memo = context.render_context.setdefault("forums_reply_forms", {})
    if official_allowed not in memo:
        template = {**context.flatten(), "parent": _PlaceholderParent(), "official_allowed": official_allowed}
        memo[official_allowed] = render_to_string(FORM_TEMPLATE, template)
    return mark_safe(memo[official_allowed].replace(PLACEHOLDER, str(int(parent.pk))))  # noqa: S308 - digits into our own HTML
