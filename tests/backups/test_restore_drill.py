"""The restore drill (issue 11, item 11): back up while a live server takes meter writes,
restore into an empty data dir (and an empty database), and find the same articles, accounts,
subscriptions, media and meter counts. On PostgreSQL + Redis the meter's Redis sets travel too.
"""

import json
import subprocess
import tarfile
import threading
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from masthead.access.identity import device_cookie_value, new_device_id
from masthead.backups.counting import count_rows
from tests import factories
from tests.operations.processes import MASTHEAD, production_env
from tests.support import live

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("live")]

RESTORE_REDIS_DB = 12


def _env(data_dir: Path, database_url: str | None, redis_url: str | None) -> dict:
    urls = {"DATABASE_URL": database_url, "REDIS_URL": redis_url}
    return production_env(data_dir, **{k: v for k, v in urls.items() if v})


def _masthead(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([MASTHEAD, *args], env=env, capture_output=True, text=True, timeout=300)


def _meter_views(source_redis: bool) -> int:
    if not source_redis:
        with connection.cursor() as cursor:
            return count_rows(cursor)["meter_views"]
    from masthead.access.stores import get_meter_store

    store = get_meter_store()
    return sum(store.client.scard(k) for k in store.client.scan_iter(f"{store.prefix}:*"))


@pytest.fixture
def empty_target(tmp_path):
    """An empty data dir, and an empty PostgreSQL database and Redis database when the source
    uses them."""
    target = {"dir": tmp_path / "restored", "database_url": None, "redis_url": None}
    target["dir"].mkdir()
    created = None
    if connection.vendor == "postgresql":
        created = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:6]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{created}"')
        target["database_url"] = live.test_database_url().rsplit("/", 1)[0] + f"/{created}"
    if settings.REDIS_URL:
        import redis

        url = urlsplit(settings.REDIS_URL)._replace(path=f"/{RESTORE_REDIS_DB}").geturl()
        redis.Redis.from_url(url).flushdb()
        target["redis_url"] = url
    yield target
    if created:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')


def test_backup_under_load_restores_the_same_site(world, tmp_path, empty_target):
    articles = [factories.article(world, title=f"Drill story {i}") for i in range(6)]
    factories.subscriber("drill-subscriber@example.org")
    factories.user("drill-reader@example.org")
    factories.image("Drill picture")
    source_redis = bool(settings.REDIS_URL)
    archive = tmp_path / "site.tar.gz"
    stop = threading.Event()
    done = []

    def readers(base: str) -> None:
        while not stop.is_set():
            cookie = device_cookie_value(new_device_id())
            for a in articles[:2]:
                request = urllib.request.Request(
                    base + a.public_path, headers={"Cookie": f"mh_device={cookie}"}
                )
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                done.append(1)

    with live.live_server(workers=2) as base:
        load = threading.Thread(target=readers, args=(base,))
        load.start()
        try:
            while len(done) < 20:
                stop.wait(0.05)
            before = _meter_views(source_redis)
            result = _masthead(
                "backup",
                str(archive),
                env=_env(Path(settings.DATA_DIR), live.test_database_url(), settings.REDIS_URL),
            )
            written_during = len(done)
            while len(done) < written_during + 10:  # the site kept taking writes
                stop.wait(0.05)
        finally:
            stop.set()
            load.join()
    assert result.returncode == 0, result.stderr[-2000:]
    after = _meter_views(source_redis)
    assert before < after

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert manifest["database"]["kind"] == connection.vendor
    assert "secret_key" in names and any(n.startswith("media/original_images/") for n in names)
    with connection.cursor() as cursor:
        source = count_rows(cursor)
    for name in ("articles", "pages", "accounts", "subscriptions", "images"):
        assert manifest["counts"][name] == source[name], name
    copied = manifest["meter_redis"]["views"] if source_redis else manifest["counts"]["meter_views"]
    assert before <= copied <= after  # one moment of the live site, not a torn copy

    env = _env(empty_target["dir"], empty_target["database_url"], empty_target["redis_url"])
    restored = _masthead("restore", str(archive), env=env)
    assert restored.returncode == 0, restored.stderr[-2000:]  # it checks counts itself
    assert "Restored" in restored.stdout
    media = Path(settings.MEDIA_ROOT)
    assert sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file()) == sorted(
        p.relative_to(empty_target["dir"] / "media")
        for p in (empty_target["dir"] / "media").rglob("*")
        if p.is_file()
    )
    assert (empty_target["dir"] / "secret_key").read_text() == (
        Path(settings.DATA_DIR) / "secret_key"
    ).read_text()
    if source_redis:
        import redis

        client = redis.Redis.from_url(empty_target["redis_url"])
        views = sum(client.scard(k) for k in client.scan_iter("mh:meter:*"))
        assert views == copied

    # Now the target holds a site: a second restore needs --force.
    again = _masthead("restore", str(archive), env=env)
    assert again.returncode == 2 and "--force" in again.stderr
    forced = _masthead("restore", str(archive), "--force", env=env)
    assert forced.returncode == 0, forced.stderr[-2000:]


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar"
    with tarfile.open(bogus, "w") as tar:
        tar.add(__file__, arcname="notes.txt")
    env = _env(tmp_path / "empty", None, None)
    result = _masthead("restore", str(bogus), env=env)
    assert result.returncode == 2 and "not a Masthead backup" in result.stderr
    missing = _masthead("restore", str(tmp_path / "nope.tar"), env=env)
    assert missing.returncode == 2 and "no such file" in missing.stderr
