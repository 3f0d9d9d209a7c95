"""Comments' costs, measured in process (Django's test client, SQLite, a throwaway data dir):

* the article page's server time for a subscriber (the path comments must not slow): run it
  on this branch and on a checkout without comments and compare (benchmarks/README.md,
  "Comments");
* both as wall-clock time and as this thread's CPU time (``cpu_median_ms``: on a shared
  machine the wall clock moves with other people's load, CPU time much less);
* the thread part of a 500-comment article (250 comments, 250 replies) for a signed-in
  subscriber: server time and queries (the issue's bar: under 50 ms, bounded queries).

    python benchmarks/comments.py [--requests N]

Prints one JSON document. Nothing here touches a real database.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]


def _timed(client, path, n, **headers) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, **headers)  # warm caches (snapshot, shell, settings)
    times, cpu = [], []
    for _ in range(n):
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(path, **headers)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(path, **headers)
    return {
        "median_ms": round(statistics.median(times), 2),
        "p90_ms": round(sorted(times)[int(n * 0.9) - 1], 2),
        # CPU time of this thread: what the request costs, less moved by other processes'
        # load than the wall clock (the machine is shared).
        "cpu_median_ms": round(statistics.median(cpu), 3),
        "queries": len(ctx.captured_queries),
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from tests import factories

    factories.home_page()
    world = factories.section("world", "World")
    article = factories.article(world, access="metered", paragraphs=12)
    client = Client()
    client.force_login(factories.subscriber("bench-subscriber@example.org"))
    result = {"article_page": _timed(client, article.public_path, args.requests)}
    if apps.is_installed("masthead.comments"):
        from masthead.comments.models import Comment

        authors = [factories.user(f"bench{i}@example.org") for i in range(25)]
        when = article.first_published_at
        tops = Comment.objects.bulk_create(
            Comment(
                article_id=article.pk,
                author=authors[i % 25],
                body=f"Comment {i}: a reader's considered view, with a few sentences of text. "
                "It runs to a second sentence, as most comments do.",
                created_at=when,
                like_count=i % 7,
            )
            for i in range(250)
        )
        Comment.objects.bulk_create(
            Comment(
                article_id=article.pk,
                author=authors[(i + 5) % 25],
                parent=tops[i],
                body=f"Reply {i}: I agree with most of that.",
                created_at=when,
            )
            for i in range(250)
        )
        n = max(10, args.requests // 10)
        path = f"/comments/{article.pk}/"
        result["thread_part_500"] = _timed(client, path, n, HTTP_X_COMMENTS_PART="1")
        result["thread_api_500"] = _timed(client, f"/api/v1/articles/{article.pk}/comments/", n)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
