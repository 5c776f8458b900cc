"""`{% fragment "name" vary… %}…{% endfragment %}`: a part of a template kept as HTML in the
fragment cache (portal/pagecache/fragments.py), under the page-cache generation and the
language, so every event that retires cached pages retires it too.

Only for parts that are the same for everyone who gets them (no CSRF token, nothing of the
reader): the caller says what else the HTML depends on in `vary` (a path, a site, a page),
and renders personal variants outside the tag (base.html: the header of a signed-in person).
"""

from django import template
from django.utils.safestring import mark_safe

from ..fragments import cached_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context):
        vary = ":".join(str(v.resolve(context)) for v in self.vary)
        name = f"html:{self.name.resolve(context)}"
        html = cached_fragment(name, lambda: str(self.nodelist.render(context)), vary=vary)
        return mark_safe(html)  # noqa: S308 - our own template's output, rendered here or earlier


@register.tag("fragment")
def fragment(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[1:]]
    return FragmentNode(parser.compile_filter(bits[0]), vary, nodelist)
