"""The demo's reader callout: a short survey placed at the end of one article (the record
with ``callout``, see ``steps.articles``); its questions fit any story.

The questions are our own; the answers are collected on the site and shown to editors in
the admin (Callout results).
"""

from masthead.engagement.models import Callout, CalloutQuestion

TITLE = "Tell us: how does this story touch your work or your life?"
QUESTIONS = [
    (
        "Where do you live?",
        "single",
        "In a capital city\nIn another city or town\nIn the countryside",
    ),
    (
        "How does it affect you?",
        "multiple",
        "My job or my employer\nPrices I pay\nMy savings or investments\nNot at all, yet",
    ),
    ("What would you like our reporters to look into?", "text", ""),
]


def ensure_callout() -> Callout:
    callout = Callout.objects.filter(title=TITLE).first()
    if callout is not None:
        return callout
    callout = Callout(
        title=TITLE,
        intro="We are following this story and want to hear from readers it affects. "
        "Answer three short questions; we read every reply.",
        show_results=True,
        ask_email=True,
        thank_you="Thank you. Our reporters read every answer.",
    )
    callout.save()
    for order, (prompt, kind, choices) in enumerate(QUESTIONS):
        CalloutQuestion.objects.create(
            callout=callout,
            sort_order=order,
            prompt=prompt,
            kind=kind,
            choices=choices,
            required=kind != "text",
        )
    return callout


def remove_callout() -> None:
    Callout.objects.filter(title=TITLE).delete()
