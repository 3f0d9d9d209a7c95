"""Template tags that let other apps' pages offer newsletters without importing this app:
the account page's section, the registration wall's and the banner's sign-up box."""

from django import template

from ..selectors import active_newsletters, is_entitled, subscribed_slugs

register = template.Library()


@register.inclusion_tag("newsletters/includes/account_section.html", takes_context=True)
def newsletter_account_section(context):
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "newsletters": active_newsletters(),
        "subscribed": set(subscribed_slugs(request.user)),
        "entitled": is_entitled(request.user),
    }


@register.inclusion_tag("newsletters/includes/signup_box.html", takes_context=True)
def newsletter_signup_box(context, source="wall"):
    """An e-mail box for the free newsletters, for readers who are not signed in."""
    request = context.get("request")
    user = getattr(request, "user", None)
    free = [n for n in active_newsletters() if not n.subscribers_only]
    shown = not (user is not None and user.is_authenticated) and bool(free)
    first = next((n for n in free if n.default_on_signup), free[0] if free else None)
    return {"request": request, "shown": shown, "newsletter": first, "source": source}
