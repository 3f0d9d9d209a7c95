from django import template
from django.utils.safestring import mark_safe

from ..structured_data import article_jsonld, to_script_json

register = template.Library()


@register.simple_tag
def article_structured_data(article):
    data = article_jsonld(article)
    return mark_safe(  # noqa: S308 - to_script_json escapes <, > and &
        f'<script type="application/ld+json">{to_script_json(data)}</script>'
    )
