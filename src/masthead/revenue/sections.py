"""Which section an article id belongs to (its parent section page's slug), for the rollups."""

from masthead.newsroom.models import ArticlePage, SectionPage

CHUNK = 500  # SQLite allows 999 parameters per statement


def sections_of(article_ids: list[int]) -> dict[int, str]:
    ids = sorted(set(article_ids))
    paths: dict[int, str] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        paths.update(ArticlePage.objects.filter(pk__in=chunk).values_list("pk", "path"))
    step = ArticlePage.steplen
    parents = sorted({path[:-step] for path in paths.values()})
    slugs: dict[str, str] = {}
    for i in range(0, len(parents), CHUNK):
        chunk = parents[i : i + CHUNK]
        slugs.update(SectionPage.objects.filter(path__in=chunk).values_list("path", "slug"))
    return {pk: slugs.get(path[:-step], "") for pk, path in paths.items()}
