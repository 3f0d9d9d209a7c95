"""What ``masthead demo`` prints at the end: every account, its role and what it shows, the
addresses to open, and where the demo's e-mails go."""

from django.conf import settings

from .catalogue.accounts import ACCOUNTS, DEMO_PASSWORD

PLACES = [
    ("site", "/"),
    ("Wagtail admin", "/admin/"),
    ("revenue dashboard", "/admin/revenue/"),
    ("newsletters", "/newsletters/"),
    ("offers", "/subscribe/"),
    ("comment threads", "/opinion/four-day-week-is-a-productivity-question/#comments"),
    ("comment moderation", "/admin/comments/"),
]


def summary(site_url: str | None = None) -> str:
    base = (site_url or settings.SITE_URL).rstrip("/")
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD})"]
    for account in ACCOUNTS:
        lines.append(f"  {account.email} — {account.shows}  [{account.role}]")
    lines.append("")
    for name, path in PLACES:
        lines.append(f"  {name + ':':<19} {base}{path}")
    lines.append(f"  {'e-mails:':<19} {settings.DATA_DIR / 'mail'}/ (one .eml file each)")
    return "\n".join(lines)
