"""Reader views of the newsroom: topics, authors, search (the article is ``newsroom.reading``)."""

import re

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .cardcounts import attach_comment_counts
from .models import Author, Topic
from .selectors import articles_by_author, articles_for_topic, attach_sections, live_articles

PAGE_SIZE = 12
_WORDS = re.compile(r"\w+")


def _listing(request, template, queryset, extra):
    paginator = Paginator(queryset, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = attach_comment_counts(attach_sections(page_obj.object_list))
    return TemplateResponse(request, template, {"page_obj": page_obj, **extra})


def topic_page(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return _listing(
        request, "newsroom/topic_page.html", articles_for_topic(topic), {"topic": topic}
    )


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    return _listing(
        request, "newsroom/author_page.html", articles_by_author(author), {"author": author}
    )


def search(request):
    query = (request.GET.get("q") or "").strip()[:200]
    # Words only: punctuation means nothing to the search and upsets SQLite's FTS parser.
    terms = " ".join(_WORDS.findall(query))
    results = []
    if terms:
        results = list(live_articles().order_by().search(terms)[:40])
    paginator = Paginator(results, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = attach_comment_counts(attach_sections(page_obj.object_list))
    return TemplateResponse(
        request,
        "newsroom/search.html",
        {"query": query, "page_obj": page_obj, "total": len(results)},
    )
