from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def article_block(context, block):
    """A snapshot block: its stored HTML, or, for a per-reader block, rendered now."""
    if block.live_id is None:
        return mark_safe(block.html)  # noqa: S308 - rendered and escaped by the block's template
    if block.block_type == "callout":
        from masthead.engagement.blocks import CalloutBlock
        from masthead.engagement.models import Callout

        callout = Callout.objects.filter(pk=block.live_id).first()
        if callout is not None:
            return CalloutBlock().render(callout, context=context.flatten())
    return ""
