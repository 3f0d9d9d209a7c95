from django import template
from django.utils.safestring import mark_safe

from masthead.engagement.blocks import CalloutBlock
from masthead.engagement.models import Callout

from ..shells import render_slot

register = template.Library()


@register.simple_tag(takes_context=True)
def article_block(context, block):
    """A snapshot block: its stored HTML, or, for a per-reader block, rendered now."""
    if block.live_id is None:
        return mark_safe(block.html)  # noqa: S308 - rendered and escaped by the block's template
    if block.block_type == "callout":
        callout = Callout.objects.filter(pk=block.live_id).first()
        if callout is not None:
            return CalloutBlock().render(callout, context=context.flatten())
    return ""


@register.simple_tag(takes_context=True)
def slot(context, name):
    """A per-reader part of an article page: a marker in the cached shell, rendered per
    request (``masthead.newsroom.shells``); rendered in place everywhere else."""
    if context.get("shell_mode"):
        return mark_safe(f"<!--slot:{name}-->")  # noqa: S308 - a fixed template name
    return mark_safe(render_slot(name, context))  # noqa: S308 - a rendered, escaped template
