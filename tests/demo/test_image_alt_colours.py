"""The demo's lead-image alt texts name the colours the pictures really have (a reader's audit
found "blue" waves on maroon business pictures): the words are read from the drawn pixels.

Checked here against the pixels again, counted independently at another size: every colour
the alt text names covers a real part of the picture, and the colour covering most of it is
named."""

import re
from collections import Counter

import pytest
from PIL import Image

from masthead.demo.colours import NAMES, colour_name
from masthead.demo.images import COMPOSITIONS, PALETTES, describe, draw_lead
from masthead.newsroom.models import ArticlePage

BLUES = {"blue", "navy", "steel blue", "turquoise"}
LEAST = 0.05  # a colour the alt text names covers at least this share of the picture
_WORDS = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))


def named_colours(alt: str) -> list[str]:
    colours = alt.rsplit(", in ", 1)[1]
    return _WORDS.findall(colours)


def pixel_shares(img: Image.Image) -> Counter:
    small = img.convert("RGB").resize((192, 108))
    counts: Counter = Counter()
    for n, rgb in small.getcolors(192 * 108):  # every pixel, by colour
        counts[colour_name(rgb)] += n
    total = sum(counts.values())
    return Counter({name: n / total for name, n in counts.items()})


def assert_true_to(img: Image.Image, alt: str) -> None:
    words, shares = named_colours(alt), pixel_shares(img)
    assert words, alt
    for word in words:
        assert shares[word] >= LEAST, (alt, word, shares.most_common(5))
    assert shares.most_common(1)[0][0] in words, (alt, shares.most_common(5))


@pytest.mark.parametrize("section", list(PALETTES))
@pytest.mark.parametrize("composition", COMPOSITIONS)
def test_each_alt_text_names_the_pictures_own_colours(section, composition):
    img = draw_lead(f"alt-test:{section}/{composition}", section, composition)
    alt = describe(img, composition)
    assert alt.startswith("Abstract illustration: ") and alt.endswith(".")
    assert_true_to(img, alt)
    if section == "business":  # the audit's case: maroon pictures, described as blue
        assert not BLUES & set(named_colours(alt)), alt
        assert {"maroon", "plum"} & set(named_colours(alt)), alt
    if section in ("world", "technology"):
        assert BLUES & set(named_colours(alt)), alt


def test_colour_names_follow_what_people_see():
    assert colour_name((122, 42, 62)) == "maroon"  # the business palette's mid tone
    assert colour_name((13, 38, 64)) == "navy"  # the world palette's ground
    assert colour_name((24, 112, 92)) == "teal"
    assert colour_name((240, 240, 240)) == "white"


@pytest.mark.django_db
def test_every_demo_article_image_has_an_alt_text_true_to_its_colours(demo):
    checked = 0
    for page in ArticlePage.objects.live().select_related("lead_image"):
        image = page.lead_image
        assert image is not None, page.slug
        assert page.lead_image_alt == image.description, page.slug
        with image.open_file() as fh, Image.open(fh) as img:
            assert_true_to(img, page.lead_image_alt)
        for block in page.body:
            if block.block_type == "image":
                with block.value["image"].open_file() as fh, Image.open(fh) as img:
                    assert_true_to(img, block.value["alt_text"])
        checked += 1
    assert checked >= 30
    pelorus = ArticlePage.objects.get(slug="pelorus-buys-harbourline-feeder-fleet")
    assert "blue" not in pelorus.lead_image_alt  # its waves are maroon and plum
