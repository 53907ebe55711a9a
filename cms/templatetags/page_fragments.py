"""``{% fragment "name" %}…{% endfragment %}``: a part of the page kept between responses
(``cms.page_cache.fragments``)."""

from django import template
from django.utils.safestring import mark_safe

from cms.page_cache.fragments import fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name: template.base.FilterExpression, nodelist: template.NodeList):
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        name = str(self.name.resolve(context))
        html = fragment(context.get("request"), name, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped when rendered


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the fragment's name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), nodelist)
