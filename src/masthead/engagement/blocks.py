"""The article-body block that places a reader callout: ``CalloutBlock``.

It chooses a ``Callout`` snippet and renders, for this reader, one of three states: the form
(a plain POST form that works without JavaScript), the thank-you (after answering, or when the
URL carries ``?answered=<id>``), or a closed notice; the last two show the poll's tallies when
the editor enabled results. Register it in the article body as::

    callout = CalloutBlock()
"""

from django.middleware.csrf import get_token
from wagtail.snippets.blocks import SnippetChooserBlock

from .callouts.forms import CalloutForm
from .callouts.selectors import has_answered, poll_results, respondent_key


def callout_state(callout, request) -> dict:
    """What this reader should see of ``callout``; reads only, never creates a device."""
    if request is None:
        return {"static": True}
    answered = request.GET.get("answered") == str(callout.pk) or has_answered(
        callout, respondent_key(request, create=False)
    )
    closed = not callout.is_open()
    state = {"answered": answered, "closed": closed, "results": None}
    if (answered or closed) and callout.show_results:
        state["results"] = poll_results(callout)
    if not (answered or closed):
        state["form"] = CalloutForm(callout)
        state["next"] = request.get_full_path()
        state["csrf_token"] = get_token(request)
    return state


class CalloutBlock(SnippetChooserBlock):
    """A reader callout or poll chosen from the Callout snippets."""

    def __init__(self, **kwargs):
        super().__init__("engagement.Callout", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["callout"] = value
        if value is not None:
            state = callout_state(value, context.get("request"))
            if "csrf_token" in state:
                context["csrf_token"] = state.pop("csrf_token")
            context["state"] = state
        return context

    class Meta:
        icon = "help"
        template = "engagement/blocks/callout.html"
        label = "Reader callout"
