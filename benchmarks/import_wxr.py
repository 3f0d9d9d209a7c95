"""Import speed and memory: ``masthead import wordpress`` on a generated WXR of N posts.

The file is made from WordPress's theme unit test data (tests/imports/fixtures): its posts'
bodies, titles, categories and tags, cycled to N posts with their own ids and slugs, each with
an image of its own (M images on disk, small JPEGs of distinct bytes, in an uploads folder) as
its body's first picture and featured image. Then, on a fresh site in its own data dir (SQLite,
or ``--database-url``), it times the import and a second run of the same file, with the peak
resident memory of each process (``wait4``'s ``ru_maxrss``). 127.0.0.1 only, nothing served::

    .venv/bin/python benchmarks/import_wxr.py --posts 10000 --images 5000
    .venv/bin/python benchmarks/import_wxr.py --posts 1000 --images 500 --json
"""

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET  # noqa: S405 - our own fixture, not input
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "tests/imports/fixtures/themeunittestdata.wordpress.xml"
MASTHEAD = str(Path(sys.executable).with_name("masthead"))
WP = "{https://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def pool() -> list[dict]:
    posts = []
    for item in ET.parse(THEME).getroot().iter("item"):  # noqa: S314
        if item.findtext(f"{WP}post_type") != "post" or item.findtext(f"{WP}status") != "publish":
            continue
        posts.append(
            {
                "title": item.findtext("title") or "Untitled",
                "body": item.findtext(CONTENT) or "",
                "terms": [
                    (c.get("domain"), c.get("nicename"), c.text or "")
                    for c in item.findall("category")
                ],
            }
        )
    return posts


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def generate(path: Path, uploads: Path, posts: int, images: int) -> None:
    from PIL import Image

    for k in range(images):
        folder = uploads / "2024" / f"{k % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        color = (k % 251, (k // 251) % 251, (k * 7) % 251)
        Image.new("RGB", (64, 48), color).save(folder / f"image-{k}.jpg", quality=80)
    source = pool()
    base = "https://bench.example.org"
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Bench</title><link>{base}</link><wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:author><wp:author_login>bench</wp:author_login>"
            "<wp:author_display_name>Bench Writer</wp:author_display_name></wp:author>\n"
        )
        for n in range(posts):
            post = source[n % len(source)]
            pid = 100_000 + n
            k = n % images if images else None
            url = f"{base}/wp-content/uploads/2024/{k % 12 + 1:02d}/image-{k}.jpg" if images else ""
            picture = f'<p><img src="{html.escape(url)}" alt="Picture {k}"></p>\n' if url else ""
            terms = "".join(
                f'<category domain="{d}" nicename="{s}">{cdata(t)}</category>'
                for d, s, t in post["terms"]
            )
            att = ""
            if url:
                att = (
                    f"<item><title>image {pid}</title><wp:post_id>{pid + 5_000_000}</wp:post_id>"
                    f"<wp:post_parent>{pid}</wp:post_parent><wp:post_type>attachment</wp:post_type>"
                    f"<wp:status>inherit</wp:status><wp:attachment_url>{url}</wp:attachment_url>"
                    "</item>\n"
                )
            day = f"2015-{n % 12 + 1:02d}-{n % 28 + 1:02d} {n % 24:02d}:{n % 60:02d}:00"
            out.write(
                att + f"<item><title>{cdata(post['title'] + f' {n}')}</title>"
                f"<link>{base}/{day[:4]}/{day[5:7]}/story-{n}/</link>"
                f"<dc:creator>bench</dc:creator><content:encoded>{cdata(picture + post['body'])}"
                f"</content:encoded><excerpt:encoded></excerpt:encoded>"
                f"<wp:post_id>{pid}</wp:post_id><wp:post_date_gmt>{day}</wp:post_date_gmt>"
                f"<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>{terms}"
                + (
                    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{pid + 5_000_000}</wp:meta_value></wp:postmeta>"
                    if url
                    else ""
                )
                + "</item>\n"
            )
        out.write("</channel></rss>\n")


def _env(data_dir: Path, database_url: str) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MASTHEAD_", "DATABASE_URL", "REDIS_URL", "DJANGO_", "PYTEST_"))
    }
    env["MASTHEAD_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def measured(args: list[str], env: dict) -> tuple[float, float, int, float]:
    """Seconds, peak RSS in MB, exit status and CPU seconds (user + system) of ``masthead
    ARGS``. On a shared machine the CPU seconds are the figure that does not depend on the
    neighbours: wall time is CPU time plus the time spent waiting for a core (and the disk)."""
    started = time.monotonic()
    proc = subprocess.Popen([MASTHEAD, *args], env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return (
        time.monotonic() - started,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
        cpu,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=5_000)
    parser.add_argument("--database-url", default="", help="an empty database (default SQLite)")
    parser.add_argument("--work", type=Path, help="folder for the file, images and site")
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    work = opts.work or Path(tempfile.mkdtemp(prefix="masthead-import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    wxr, uploads = work / "export.xml", work / "uploads"
    if not wxr.exists():
        generate(wxr, uploads, opts.posts, opts.images)
    env = _env(work / "site", opts.database_url)
    subprocess.run([MASTHEAD, "manage", "migrate", "-v0"], env=env, check=True)
    args = ["import", "wordpress", str(wxr), "--media", str(uploads)]
    first = measured([*args, "--report", str(work / "first.json")], env)
    second = measured([*args, "--report", str(work / "second.json")], env)
    result = {
        "posts": opts.posts,
        "images": opts.images,
        "file_mb": round(wxr.stat().st_size / 1024**2, 1),
        "database": "postgresql" if opts.database_url else "sqlite",
        "first": {
            "seconds": round(first[0], 1),
            "cpu_seconds": round(first[3], 1),
            "peak_rss_mb": round(first[1]),
            "exit": first[2],
        },
        "second": {
            "seconds": round(second[0], 1),
            "cpu_seconds": round(second[3], 1),
            "peak_rss_mb": round(second[1]),
            "exit": second[2],
        },
        "load_average": os.getloadavg(),
        "first_counts": json.loads((work / "first.json").read_text())["counts"],
        "second_created": {
            k: c["created"]
            for k, c in json.loads((work / "second.json").read_text())["counts"].items()
        },
    }
    print(json.dumps(result, indent=None if opts.json else 2))


if __name__ == "__main__":
    main()
