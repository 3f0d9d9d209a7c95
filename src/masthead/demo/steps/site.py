"""Step: the site — a ``HomePage`` as the default site's root in place of Wagtail's "Welcome"
page, the site's name, and the section fronts (``world.SECTIONS``) under the home page.

Pages are created as drafts and published through Wagtail's revision publish (the action an
editor's "Publish" runs), owned by the demo editor.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from masthead.newsroom.models import HomePage, SectionPage
from masthead.newsroom.site_record import site_record_sync

from ..context import Demo
from ..world import SECTIONS

INTRO = "Independent reporting on business, markets and the world, every day."


def publish(page: Page, user) -> None:
    """Save a revision of ``page`` and publish it (Wagtail's ``PublishRevisionAction``)."""
    page.save_revision(user=user).publish(user=user)


def build(demo: Demo) -> None:
    with transaction.atomic():
        demo.home = build_home(demo)
        demo.sections = build_sections(demo)


def build_home(demo: Demo) -> HomePage:
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug="home").exclude(pk=home.pk if home else None).first()
    if home is None:
        home = HomePage(
            title=settings.WAGTAIL_SITE_NAME,
            slug="home" if welcome is None else "front-page",
            intro=INTRO,
            owner=demo.editor,
            live=False,
        )
        root.add_child(instance=home)
        publish(home, demo.editor)
        demo.count("home page")
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != home.pk or site.site_name != settings.WAGTAIL_SITE_NAME:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    site_record_sync()
    if welcome is not None and welcome.specific_class is Page and not welcome.numchild:
        welcome.delete()
        home.refresh_from_db()
    if home.slug != "home" and not root.get_children().filter(slug="home").exists():
        home.slug = "home"
        publish(home, demo.editor)
    # Fresh from the database: children take their URL path from it.
    return HomePage.objects.get(pk=home.pk)


def build_sections(demo: Demo) -> dict[str, SectionPage]:
    found = {s.slug: s for s in SectionPage.objects.child_of(demo.home)}
    for slug, title, intro, order in SECTIONS:
        if slug not in found:
            section = SectionPage(
                title=title,
                slug=slug,
                intro=intro,
                navigation_order=order,
                owner=demo.editor,
                live=False,
            )
            demo.home.add_child(instance=section)
            publish(section, demo.editor)
            found[slug] = section
            demo.count("sections")
    return found


def reset(demo: Demo) -> None:
    """Every page under the home page goes (the home page stays, as the site's root)."""
    home = HomePage.objects.first()
    if home is not None:
        for child in home.get_children():
            child.delete()
