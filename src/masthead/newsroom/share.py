"""Share links for the share bar: plain links, no third-party scripts.

>>> share_links("https://example.org/world/story/", "Headline", "Deck")[0]
{'network': 'facebook', 'label': 'Facebook', 'url': 'https://www.facebook.com/sharer/...'}
"""

from urllib.parse import quote, urlencode


def _tagged(url: str, network: str, campaign: bool) -> str:
    if not campaign:
        return url
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}{urlencode({'utm_source': network, 'utm_medium': 'social'})}"


def share_links(url: str, headline: str, standfirst: str = "", *, campaign: bool = False):
    def u(network):
        return _tagged(url, network, campaign)

    body = f"{headline}\n\n{standfirst}\n\n{u('email')}".strip()
    return [
        {
            "network": "facebook",
            "label": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": u("facebook")}),
        },
        {
            "network": "linkedin",
            "label": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": u("linkedin")}),
        },
        {
            "network": "twitter",
            "label": "X (Twitter)",
            "url": "https://twitter.com/intent/tweet?"
            + urlencode({"url": u("twitter"), "text": headline}),
        },
        {
            "network": "email",
            "label": "E-mail",
            "url": f"mailto:?subject={quote(headline)}&body={quote(body)}",
        },
    ]
