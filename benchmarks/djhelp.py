"""Small jobs the benchmark runs inside the benchmark site's Django environment.

Run by ``benchmarks/run.py`` as a subprocess, with the site's ``MASTHEAD_DATA_DIR`` /
``DATABASE_URL`` / ``REDIS_URL`` in the environment; prints one JSON document on stdout::

    python benchmarks/djhelp.py articles [N]        metered live articles: path, words
    python benchmarks/djhelp.py count-views         rows in the database meter store
    python benchmarks/djhelp.py insert-views ROWS   ROWS synthetic meter rows, in bulk SQL
    python benchmarks/djhelp.py mint-devices N FILE N new signed device cookies, one a line

It only reads the site, except ``insert-views``, which adds rows to the meter table of the
benchmark's own database (never a real one: run.py points it at benchmarks/out/ or at the
dedicated ``masthead_bench`` PostgreSQL database).
"""

import json
import re
import sys
import time

# Synthetic rows are all in the current month: the daily prune (access/pruning.py) deletes
# closed months, so that is the ledger a running site holds (rows of closed months would be
# deleted by the server's own scheduler during the measurement).
MONTHS_BACK = 1
ARTICLES_PER_READER = 3


def _setup() -> None:
    from masthead.boot import django_setup  # makes the data dir, as every entry point does

    django_setup()


def _words(value) -> int:
    """Words in a StreamField's raw data (strings anywhere in it, tags stripped)."""
    if isinstance(value, str):
        return len(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", value)))
    if isinstance(value, dict):
        return sum(_words(v) for k, v in value.items() if k not in {"type", "id"})
    if isinstance(value, list | tuple):
        return sum(_words(v) for v in value)
    return 0


def articles(limit: int = 40) -> dict:
    from masthead.newsroom.models import ArticlePage

    rows = []
    queryset = ArticlePage.objects.live().filter(access="metered", sponsor="").order_by("pk")
    for article in queryset[:limit]:
        words = _words(list(article.body.raw_data)) + _words(article.standfirst)
        rows.append({"id": article.pk, "path": article.public_path, "words": words})
    total = ArticlePage.objects.count()
    return {"articles": rows, "total_articles": total}


def _meter_table() -> str:
    from masthead.access.models import MeterView

    return MeterView._meta.db_table


def count_views() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {_meter_table()}")  # noqa: S608 - model's table
        (n,) = cursor.fetchone()
    return {"meter_rows": n}


def _months() -> list[str]:
    from django.conf import settings
    from django.utils import timezone

    from masthead.metering.months import month_key

    now = timezone.now()
    first = month_key(now, settings.TIME_ZONE)
    year, month = (int(x) for x in first.split("-"))
    out = []
    for _ in range(MONTHS_BACK):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out


def insert_views(rows: int) -> dict:
    """``rows`` meter rows: readers of 3 articles each, this month, in bulk SQL.

    Reader keys are ``d:<32 hex>`` like real devices (a range no real device will draw in
    practice: the high half is 0xb0b0...), articles are real article ids.
    """
    from django.db import connection

    from masthead.newsroom.models import ArticlePage

    table = _meter_table()
    ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    months = _months()
    started = time.monotonic()
    connection.ensure_connection()
    raw = connection.connection
    # Readers get keys after the highest synthetic reader already there, so the command can be
    # run twice (rows add up) without hitting the unique constraint.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {table} WHERE reader_key LIKE %s",  # noqa: S608
            ["d:b0b0b0b0%"],
        )
        (already,) = cursor.fetchone()
    first_reader = already // ARTICLES_PER_READER + 1
    if connection.vendor == "sqlite":
        cur = raw.cursor()
        cur.execute("DROP TABLE IF EXISTS temp.bench_articles")
        cur.execute("CREATE TEMP TABLE bench_articles (k INTEGER PRIMARY KEY, id INTEGER)")
        cur.executemany("INSERT INTO bench_articles VALUES (?, ?)", list(enumerate(ids)))
        cur.execute("DROP TABLE IF EXISTS temp.bench_months")
        cur.execute("CREATE TEMP TABLE bench_months (k INTEGER PRIMARY KEY, month TEXT)")
        cur.executemany("INSERT INTO bench_months VALUES (?, ?)", list(enumerate(months)))
        # One statement: a recursive CTE counts 0..rows-1; row i is reader i/3's (i%3)-th
        # article of month (i/3) % 12.
        cur.execute("BEGIN")
        cur.execute(
            f"""
            WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ? - 1)
            INSERT INTO {table} (reader_key, month, article_id, created_at)
            SELECT printf('d:b0b0b0b0%024x', ? + i / 3),
                   m.month,
                   a.id,
                   m.month || '-01 00:00:00'
              FROM c
              JOIN bench_months m ON m.k = ((? + i / 3) % {MONTHS_BACK})
              JOIN bench_articles a ON a.k = ((? + i / 3) * 31 + (i % 3)) % ?
            """,  # noqa: S608 - the model's table, numbers only
            [rows, first_reader, first_reader, first_reader, len(ids)],
        )
        cur.execute("COMMIT")
    else:
        n_ids = len(ids)

        def generate():
            for i in range(rows):
                reader = first_reader + i // ARTICLES_PER_READER
                month = months[reader % MONTHS_BACK]
                article = ids[(reader * 31 + i % ARTICLES_PER_READER) % n_ids]
                yield (f"d:b0b0b0b0{reader:024x}", month, article, f"{month}-01 00:00:00+00")

        with raw.cursor() as cur, raw.transaction():
            copy_sql = f"COPY {table} (reader_key, month, article_id, created_at) FROM STDIN"
            with cur.copy(copy_sql) as copy:
                for row in generate():
                    copy.write_row(row)
        with raw.cursor() as cur:
            cur.execute(f"ANALYZE {table}")  # what autovacuum would do soon after a bulk load
    return {"inserted": rows, "seconds": round(time.monotonic() - started, 1)}


def mint_devices(n: int, path: str) -> dict:
    """New device cookies, signed as the server signs them (ids never seen by the meter)."""
    from masthead.access.identity import COOKIE_NAME, device_cookie_value, new_device_id

    with open(path, "w") as fh:
        for _ in range(n):
            fh.write(f"{COOKIE_NAME}={device_cookie_value(new_device_id())}\n")
    return {"minted": n, "file": path}


def main(argv: list[str]) -> int:
    _setup()
    command = argv[0] if argv else ""
    if command == "articles":
        result = articles(int(argv[1]) if len(argv) > 1 else 40)
    elif command == "count-views":
        result = count_views()
    elif command == "insert-views":
        result = insert_views(int(argv[1]))
    elif command == "mint-devices":
        result = mint_devices(int(argv[1]), argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
