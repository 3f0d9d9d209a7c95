"""``make scan``: a maintained scanner (wapiti3) against a live demo on 127.0.0.1, bounded.

Builds a fresh demo in a throwaway data dir, serves it on 127.0.0.1:8765, signs in the demo
reader and the demo editor (staff) over HTTP, and runs wapiti three times (anonymous, reader,
staff) with the modules that need no outside endpoint, each scan capped in time. Prints every
finding per role, the server errors the scan provoked (status 500 in the server's log), and
writes the reports to ``tools/out/``. Nothing leaves 127.0.0.1. The README ("Security scan")
records the last run and what was done about each finding.

    make scan                          # about 15 minutes
    SCAN_SECONDS=60 make scan          # shorter scans
"""

import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
WAPITI = ROOT / ".venv-scan" / "bin" / "wapiti"
OUT = ROOT / "tools" / "out"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "masthead-demo"
MODULES = "cookieflags,csp,http_headers,exec,file,sql,xss,permanentxss,redirect,crlf,csrf,methods"
# Where a scanner's form posts would end the session it scans with, or change the account.
EXCLUDE = [
    "/accounts/logout/*",
    "/admin/logout/*",
    "/accounts/password/*",
    "/accounts/email/*",
    "/account/cancel/*",
    "/account/tokens/*",
]
ROLES = {"anonymous": None, "reader": "reader@example.com", "staff": "editor@example.com"}


def _env(data_dir: str) -> dict:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    env.update(
        MASTHEAD_DATA_DIR=data_dir,
        MASTHEAD_SITE_URL=BASE,
        MASTHEAD_ALLOWED_HOSTS="127.0.0.1",
    )
    return env


def _wait_for_server(deadline: float) -> None:
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{BASE}/robots.txt", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("scan: the demo server did not start")


def _session_cookie(email: str) -> str:
    """Sign in through the real form; the ``Cookie`` header value of the signed-in session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{BASE}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": email, "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(
        f"{BASE}/accounts/login/", body, headers={"Referer": f"{BASE}/accounts/login/"}
    )
    opener.open(request)
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        sys.exit(f"scan: could not sign in as {email}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _scan(role: str, cookie: str | None, seconds: int, store: Path) -> dict:
    report = OUT / f"wapiti-{role}.json"
    command = [
        str(WAPITI),
        "-u",
        f"{BASE}/",
        "--scope",
        "folder",
        "-m",
        MODULES,
        "-d",
        "3",
        "--max-links-per-page",
        "30",
        "--max-files-per-dir",
        "40",
        "--max-scan-time",
        str(seconds),
        "--max-attack-time",
        str(max(10, seconds // 8)),
        "--tasks",
        "4",
        "--flush-session",
        "--store-session",
        str(store / role),
        "--store-config",
        str(store / f"{role}-config"),
        "--no-bugreport",
        "-f",
        "json",
        "-o",
        str(report),
        "-v",
        "0",
    ]
    for path in EXCLUDE:
        command += ["-x", f"{BASE}{path}"]
    if cookie:
        command += ["-C", cookie]
    started = time.time()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, timeout=seconds * 3 + 120)
    print(f"  {role}: scanned for {time.time() - started:.0f} s")
    return json.loads(report.read_text()) if report.exists() else {}


def _findings(report: dict) -> list[tuple[str, str, str]]:
    rows = []
    for section in ("vulnerabilities", "anomalies"):
        for category, items in (report.get(section) or {}).items():
            for item in items:
                rows.append((category, item.get("path", ""), item.get("info", "")[:140]))
    return rows


def main() -> None:
    if not WAPITI.exists():
        sys.exit("scan: wapiti is not installed (make scan installs it into .venv-scan)")
    seconds = int(os.environ.get("SCAN_SECONDS", "240"))
    OUT.mkdir(parents=True, exist_ok=True)
    data_dir = tempfile.mkdtemp(prefix="masthead-scan-")
    store = Path(tempfile.mkdtemp(prefix="masthead-wapiti-"))
    env = _env(data_dir)
    print("building a fresh demo …")
    subprocess.run(
        [str(BIN / "masthead"), "demo", "--no-serve"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log = open(OUT / "server.log", "w")  # noqa: SIM115 - open for the server's lifetime
    server = subprocess.Popen(
        [str(BIN / "masthead"), "serve", "--host", "127.0.0.1", "--port", str(PORT)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    summary: dict[str, list] = {}
    try:
        _wait_for_server(time.time() + 60)
        # Sign in first: the anonymous scan's form attacks trip the sign-in throttle (429).
        cookies = {role: _session_cookie(email) if email else None for role, email in ROLES.items()}
        for role, cookie in cookies.items():
            summary[role] = _findings(_scan(role, cookie, seconds, store))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
    errors = (OUT / "server.log").read_text(errors="replace").count("Internal Server Error")
    print(f"\nserver errors (500) provoked by the scans: {errors}")
    for role, rows in summary.items():
        print(f"\n{role}: {len(rows)} findings")
        for category, path, info in sorted(set(rows)):
            print(f"  [{category}] {path} — {info}")
    (OUT / "summary.json").write_text(json.dumps({"server_errors": errors, **summary}, indent=1))


if __name__ == "__main__":
    main()
