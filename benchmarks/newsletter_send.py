"""Benchmark (not a test): one newsletter issue to N recipients, handed to a local SMTP sink by
one task-worker process (django-tasks-db's ``db_worker``, the worker ``masthead serve`` runs).

    .venv/bin/python benchmarks/newsletter_send.py                  # 10,000 and 100,000
    .venv/bin/python benchmarks/newsletter_send.py --sizes 2000     # a quick look

For each size it builds a fresh SQLite site under ``benchmarks/out/newsletter-<N>/`` (or uses
``--database-url``, which it empties), starts an aiosmtpd sink in its own process, queues the
issue, runs one worker until the queue is empty, and reports messages per second (first to
last acceptance, and wall time including the recipient snapshot) and the worker's peak RSS
(``VmHWM``), which should not grow with N. Targets: >= 300 messages/s, flat memory.
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    from masthead.boot import django_setup  # makes the data dir, as every entry point does

    django_setup()


def cmd_setup(n: int) -> None:
    """Migrate, one article, one newsletter and N verified subscribers (bulk inserts)."""
    _django()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from tests import factories
    from tqdm import tqdm

    from masthead.newsletters.models import Newsletter, Subscription

    call_command("migrate", interactive=False, verbosity=0)
    article = factories.article(factories.section("world", "World"), paragraphs=12)
    newsletter, _ = Newsletter.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    User = get_user_model()
    step = 5000
    for start in tqdm(range(0, n, step), desc="recipients", unit_scale=step):
        names = [f"reader{i}@bench.example" for i in range(start, min(n, start + step))]
        User.objects.bulk_create([User(username=e, email=e) for e in names], batch_size=1000)
        users = list(User.objects.filter(username__in=names).only("pk", "email"))
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            batch_size=1000,
        )
        Subscription.objects.bulk_create(
            [Subscription(user=u, newsletter=newsletter, source="import") for u in users],
            batch_size=1000,
        )
    print(json.dumps({"article": article.pk, "newsletter": newsletter.slug}))


def cmd_queue(article_id: int) -> None:
    _django()
    from masthead.newsletters.models import Newsletter
    from masthead.newsletters.services.issues import issue_create
    from masthead.newsroom.models import ArticlePage

    issue = issue_create(
        Newsletter.objects.get(slug="bench"), ArticlePage.objects.get(pk=article_id)
    )
    print(json.dumps({"issue": issue.pk}))


def cmd_stats(issue_id: int) -> None:
    _django()
    from django.db.models import Count, Max, Min

    from masthead.newsletters.models import Delivery

    rows = Delivery.objects.filter(issue_id=issue_id)
    spread = rows.filter(state="sent").aggregate(first=Min("sent_at"), last=Max("sent_at"))
    states = dict(rows.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    seconds = (spread["last"] - spread["first"]).total_seconds() if spread["first"] else 0
    print(json.dumps({"states": states, "send_seconds": seconds}))


class _Counter:
    def __init__(self):
        self.messages = 0
        self.bytes = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += len(envelope.rcpt_tos)
        self.bytes += len(envelope.content)
        return "250 OK"


class _SinkProtocol(asyncio.Protocol):
    """A minimal SMTP server: accepts everything, counts messages and bytes. Lighter than
    aiosmtpd, so that on 2 cores the sink takes less CPU from the worker being measured."""

    counter = _Counter()

    def connection_made(self, transport):
        self.transport, self.buffer, self.in_data, self.rcpts, self.size = (
            transport,
            b"",
            False,
            0,
            0,
        )
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data):
        self.buffer += data
        while True:
            if self.in_data:
                end = self.buffer.find(b"\r\n.\r\n")
                if end < 0:
                    return
                self.counter.messages += self.rcpts
                self.counter.bytes += end + 2
                self.buffer, self.in_data, self.rcpts = self.buffer[end + 5 :], False, 0
                self.transport.write(b"250 OK\r\n")
                continue
            line, sep, rest = self.buffer.partition(b"\r\n")
            if not sep:
                return
            self.buffer = rest
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.transport.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb == b"RCPT":
                self.rcpts += 1
                self.transport.write(b"250 OK\r\n")
            elif verb == b"DATA":
                self.in_data = True
                self.buffer = b"\r\n" + self.buffer  # the terminator search starts at a CRLF
                self.transport.write(b"354 go ahead\r\n")
            elif verb == b"QUIT":
                self.transport.write(b"221 bye\r\n")
                self.transport.close()
            else:
                self.transport.write(b"250 OK\r\n")


def cmd_sink(port: int, report: str, kind: str) -> None:
    def stop(*_):
        counter = _SinkProtocol.counter if kind == "minimal" else aio_counter
        Path(report).write_text(json.dumps({"messages": counter.messages, "bytes": counter.bytes}))
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    if kind == "aiosmtpd":
        from aiosmtpd.controller import Controller

        aio_counter = _Counter()
        Controller(aio_counter, hostname="127.0.0.1", port=port).start()
        asyncio.run(asyncio.sleep(10**9))
        return

    async def serve():
        server = await asyncio.get_running_loop().create_server(_SinkProtocol, "127.0.0.1", port)
        await server.serve_forever()

    asyncio.run(serve())


def _run_json(args: list[str], env: dict) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(n: int, database_url: str, port: int, sink_kind: str) -> dict:
    data = OUT / f"newsletter-{n}"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        MASTHEAD_DATA_DIR=str(data),
        DATABASE_URL=database_url or f"sqlite:///{data / 'db.sqlite3'}",
        MASTHEAD_TASKS_IMMEDIATE="0",
        MASTHEAD_EMAIL_URL=f"smtp://127.0.0.1:{port}",
        DJANGO_SETTINGS_MODULE="masthead.settings",
    )
    env.pop("REDIS_URL", None)
    if database_url:
        subprocess.run(
            [sys.executable, "-m", "masthead.cli", "manage", "flush", "--no-input"],
            env=env,
            check=False,
        )
    site = _run_json(["setup", str(n)], env)
    report = data / "sink.json"
    sink = subprocess.Popen(
        [sys.executable, __file__, "sink", str(port), str(report), sink_kind], env=env
    )
    time.sleep(1.0)
    issue = _run_json(["queue", str(site["article"])], env)["issue"]
    started = time.monotonic()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "masthead.cli",
            "manage",
            "db_worker",
            "--batch",
            "--no-startup-delay",
        ],
        env=env,
    )
    peak = cpu = 0
    while worker.poll() is None:
        peak = max(peak, _hwm_kb(worker.pid))
        cpu = max(cpu, _cpu_seconds(worker.pid))
        time.sleep(0.2)
    wall = time.monotonic() - started
    sink.send_signal(signal.SIGTERM)
    sink.wait(timeout=30)
    received = json.loads(report.read_text())
    stats = _run_json(["stats", str(issue)], env)
    sent = stats["states"].get("sent", 0)
    return {
        "recipients": n,
        "accepted_by_sink": received["messages"],
        "sent_rows": sent,
        "states": stats["states"],
        "avg_message_bytes": round(received["bytes"] / max(received["messages"], 1)),
        "messages_per_second_sending": round(sent / stats["send_seconds"], 1)
        if stats["send_seconds"]
        else None,
        "messages_per_second_wall": round(sent / wall, 1),
        "wall_seconds": round(wall, 1),
        "worker_peak_rss_mb": round(peak / 1024, 1),
        "worker_cpu_seconds": round(cpu, 1),
        "messages_per_worker_cpu_second": round(sent / cpu, 1) if cpu else None,
        "load_average_1m": os.getloadavg()[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd")
    for name in ("setup", "queue", "stats"):
        sub.add_parser(name).add_argument("number", type=int)
    sink = sub.add_parser("sink")
    sink.add_argument("port", type=int)
    sink.add_argument("report")
    sink.add_argument("kind", nargs="?", default="minimal")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--database-url", default="", help="an empty database to use (flushed)")
    parser.add_argument("--port", type=int, default=8725)
    parser.add_argument("--sink", choices=["minimal", "aiosmtpd"], default="minimal")
    opts = parser.parse_args()
    if opts.cmd == "setup":
        cmd_setup(opts.number)
    elif opts.cmd == "queue":
        cmd_queue(opts.number)
    elif opts.cmd == "stats":
        cmd_stats(opts.number)
    elif opts.cmd == "sink":
        cmd_sink(opts.port, opts.report, opts.kind)
    else:
        results = [
            measure(int(n), opts.database_url, opts.port, opts.sink) for n in opts.sizes.split(",")
        ]
        OUT.mkdir(exist_ok=True)
        (OUT / "newsletter_send.json").write_text(json.dumps(results, indent=2))
        print(json.dumps(results, indent=2))
        ok = all((r["messages_per_second_sending"] or 0) >= 300 for r in results)
        print("target >= 300 messages/s per worker:", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
