"""Article pages as a cached shell plus per-reader slots.

Everything on an article page that is the same for every reader in the same gate state (the
article, its preview or full body, structured data, navigation) is rendered once into a
*shell* and cached per revision and gate state. The parts that belong to one reader (banners
they can dismiss, the account link, the meter message, the wall, gift notes and forms) are
``{% slot %}`` tags: in the shell they are markers, and each request renders just those::

    <nav>...<!--slot:includes/account_nav.html-->...</nav>

The shell for a walled reader is rendered from the preview alone, so it cannot hold gated text;
which shell a reader gets is decided by the gate's decision, never by the cache.
"""

import re
from datetime import date

from django.template import Context, engines
from django.utils import timezone

from masthead import caching

SHELL_SECONDS = 60
_SLOT = re.compile(r"<!--slot:([\w/.-]+)-->")


def _engine():
    return engines["django"].engine


def _context(request, view_context: dict) -> Context:
    data = {}
    for processor in _engine().template_context_processors:
        data.update(processor(request))
    data.update(view_context)
    return Context(data, autoescape=True)


def render_slot(name: str, context: Context) -> str:
    return _engine().get_template(name).render(context)


def shell_key(template: str, snap, gated, campaign: bool) -> str:
    free_for_all = gated.decision.open_to_everyone
    today = date.isoformat(timezone.localdate())
    return (
        f"newsroom:shell:v1:{snap.pk}:{snap.marker}:{template}:{int(gated.full_text)}:"
        f"{int(free_for_all)}:{int(campaign)}:{today}"
    )


def cached_shell(key: str) -> str | None:
    return caching.get(key)


def render_shell(context: Context, template: str, key: str | None) -> str:
    """The page with a marker for each slot, rendered now (and cached under ``key``)."""
    with context.push(shell_mode=True):
        shell = _engine().get_template(template).render(context)
    if key:
        caching.set(key, shell, SHELL_SECONDS)
    return shell


def shell_context(request, view_context: dict) -> Context:
    return _context(request, view_context)


def split_shell(shell: str) -> list[str]:
    """``[text, slot name, text, slot name, ..., text]``: the shell around its slots."""
    return _SLOT.split(shell)


def render_article_page(request, template: str, view_context: dict, *, cacheable: bool) -> str:
    context = _context(request, view_context)
    snap, gated = view_context["page"], view_context["gated"]
    key = shell_key(template, snap, gated, view_context["campaign"]) if cacheable else None
    shell = cached_shell(key) if key else None
    if shell is None:
        shell = render_shell(context, template, key)
    return _SLOT.sub(lambda m: render_slot(m.group(1), context), shell)
