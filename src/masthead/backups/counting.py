"""The row counts a manifest records and a restore checks: the things a publisher would miss."""

from django.apps import apps

# (name in the manifest, model label)
COUNTED = [
    ("articles", "newsroom.ArticlePage"),
    ("pages", "wagtailcore.Page"),
    ("accounts", "auth.User"),
    ("subscriptions", "billing.Subscription"),
    ("meter_views", "access.MeterView"),
    ("images", "wagtailimages.Image"),
]


def count_rows(cursor) -> dict[str, int]:
    """Counts through any DB-API cursor (Django's, or ``sqlite3`` on a copied file)."""
    counts = {}
    for name, label in COUNTED:
        table = apps.get_model(label)._meta.db_table
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - our own table names
        counts[name] = int(cursor.fetchone()[0])
    return counts


def has_content(cursor, tables: set[str]) -> bool:
    """Whether a database already holds accounts or articles (an empty schema does not)."""
    for label in ("auth.User", "newsroom.ArticlePage"):
        table = apps.get_model(label)._meta.db_table
        if table in tables:
            cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 1')  # noqa: S608 - our table names
            if cursor.fetchone():
                return True
    return False
