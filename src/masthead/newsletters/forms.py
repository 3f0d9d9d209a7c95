"""Forms: the newsletter boxes on allauth's sign-up form, and the e-mail-only sign-up."""

from django import forms

from .models import Source
from .selectors import active_newsletters
from .services.subscriptions import subscriptions_join

SIGNUP_SOURCES = {Source.PAGE, Source.WALL, Source.BANNER, Source.SIGNUP, Source.ACCOUNT}


def _choices(subscribers_too: bool = False):
    return [
        (n.slug, n.name) for n in active_newsletters() if subscribers_too or not n.subscribers_only
    ]


class SignupNewsletterForm(forms.Form):
    """allauth's ``ACCOUNT_SIGNUP_FORM_CLASS``: one box per newsletter a new reader may join,
    ticked when the newsletter is subscribed by default on sign-up."""

    newsletters = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Newsletters",
        help_text="Free for registered readers; leave any of them whenever you like.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["newsletters"]
        field.choices = _choices()
        field.initial = [n.slug for n in active_newsletters() if n.default_on_signup]
        if not field.choices:
            del self.fields["newsletters"]

    def signup(self, request, user) -> None:
        subscriptions_join(user, self.cleaned_data.get("newsletters") or [], Source.SIGNUP)


class EmailSignupForm(forms.Form):
    email = forms.EmailField(max_length=254)
    newsletter = forms.MultipleChoiceField(choices=())
    source = forms.ChoiceField(choices=[(s.value, s.label) for s in SIGNUP_SOURCES], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter"].choices = _choices(subscribers_too=True)
        self.fields["newsletter"].error_messages["invalid_choice"] = "No such newsletter."

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_source(self) -> str:
        return self.cleaned_data.get("source") or Source.PAGE
