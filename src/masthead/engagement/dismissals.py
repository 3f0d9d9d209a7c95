"""Which banners a reader dismissed: a cookie of banner keys, read without JavaScript.

``mh_dismissed = "banner-3.banner-12"`` hides banners 3 and 12 from this browser. Anything in
the cookie that is not a banner key is ignored, so a damaged cookie only shows banners again.
"""

import re

DISMISSED_COOKIE = "mh_dismissed"
_KEY = re.compile(r"^banner-\d{1,10}$")


def is_banner_key(key: str) -> bool:
    return bool(_KEY.match(key))


def dismissed_keys(request) -> set[str]:
    raw = request.COOKIES.get(DISMISSED_COOKIE, "")[:400]
    return {k for k in raw.split(".") if _KEY.match(k)}
