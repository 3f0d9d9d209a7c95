"""Page parts that a higher layer contributes to a lower layer's template, so that no template
loads a higher layer's tags or reverses its URLs (the layer cake holds in templates too).

A template names a place; each app that has something to show there registers a Wagtail hook
``masthead_part:<place>`` returning the name of its own template, which is rendered in place
with the page's context, as ``{% include %}`` would::

    {# access/wall.html, below the registration wall's buttons #}
    {% load parts %}{% part "wall-aside" %}

    # newsletters/wagtail_hooks.py
    @hooks.register("masthead_part:wall-aside")
    def newsletter_box():
        return "newsletters/parts/wall_aside.html"

A place nobody fills renders nothing. This module imports no app (a contract in
``pyproject.toml``); the template library is registered in ``settings.TEMPLATES``.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


def part_templates(place: str) -> list[str]:
    """The template names registered for ``place``, in hook order."""
    return [fn() for fn in hooks.get_hooks(f"masthead_part:{place}")]


@register.simple_tag(takes_context=True)
def part(context, place: str):
    """Every template registered for ``place``, rendered with this context."""
    engine = context.template.engine
    rendered = [engine.get_template(name).render(context) for name in part_templates(place)]
    return mark_safe("".join(rendered))  # noqa: S308 - rendered (and escaped) templates
