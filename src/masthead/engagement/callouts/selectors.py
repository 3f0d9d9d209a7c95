"""Reads for callouts: who the reader is, whether they answered, and the tallies.

Tallies cover choice questions only; free text is for editors (see ``text_answers``) and never
reaches a reader's page or JSON::

    poll_results(callout)
    # [{"prompt": "Do you live in Asia?", "respondents": 4,
    #   "choices": [{"label": "Yes", "count": 3, "percent": 75}, ...]}]
"""

from collections import Counter

from masthead.metering.keys import device_key, user_key

from ..models import Callout, CalloutQuestion, CalloutResponse


def respondent_key(request, create: bool = True) -> str | None:
    """``u:<user id>`` when signed in, else ``d:<device id>``; creating the device if asked."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user_key(user.pk)
    device = getattr(request, "device", None)
    if device is None:
        return None
    device_id = device.id if create else device.peek()
    return device_key(device_id) if device_id else None


def has_answered(callout: Callout, key: str | None) -> bool:
    if not key:
        return False
    return CalloutResponse.objects.filter(callout=callout, respondent_key=key).exists()


def _values(answer) -> list[str]:
    if isinstance(answer, list):
        return [v for v in answer if isinstance(v, str)]
    return [answer] if isinstance(answer, str) and answer else []


def poll_results(callout: Callout) -> list[dict]:
    """Counts and whole percentages per choice, of those who answered each question."""
    questions = [q for q in callout.questions.all() if q.kind != CalloutQuestion.TEXT]
    allowed = {q.pk: set(q.choice_list()) for q in questions}
    counts = {q.pk: Counter() for q in questions}
    respondents = Counter()
    rows = CalloutResponse.objects.filter(callout=callout).values_list("answers", flat=True)
    for answers in rows.iterator(chunk_size=2000):
        answers = answers if isinstance(answers, dict) else {}
        for q in questions:
            picked = [v for v in _values(answers.get(str(q.pk))) if v in allowed[q.pk]]
            if picked:
                respondents[q.pk] += 1
                counts[q.pk].update(set(picked))
    results = []
    for q in questions:
        n = respondents[q.pk]
        choices = [
            {
                "label": c,
                "count": counts[q.pk][c],
                "percent": round(100 * counts[q.pk][c] / n) if n else 0,
            }
            for c in q.choice_list()
        ]
        results.append({"prompt": q.prompt, "kind": q.kind, "respondents": n, "choices": choices})
    return results


def text_answers(callout: Callout, limit: int = 500) -> list[dict]:
    """Editors only: the latest free-text answers per text question."""
    questions = [q for q in callout.questions.all() if q.kind == CalloutQuestion.TEXT]
    rows = list(
        CalloutResponse.objects.filter(callout=callout)
        .order_by("-created_at", "-id")
        .values_list("answers", "created_at")[:limit]
    )
    return [
        {
            "prompt": q.prompt,
            "answers": [
                {"text": a[str(q.pk)], "created_at": at}
                for a, at in rows
                if isinstance(a, dict) and isinstance(a.get(str(q.pk)), str) and a[str(q.pk)]
            ],
        }
        for q in questions
    ]


def callout_article_url(callout: Callout) -> str | None:
    """The URL of a live page that embeds the callout, from Wagtail's reference index."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    refs = ReferenceIndex.get_references_to(callout).filter(base_content_type=page_type)
    ids = [r.object_id for r in refs[:20]]
    page = Page.objects.live().filter(pk__in=ids).first()
    return page.specific.url if page else None
