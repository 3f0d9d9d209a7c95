"""Sign-in forms that go through the one throttle (``masthead.members.signin``)."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.core import context, ratelimit
from django import forms
from wagtail.admin.forms.auth import LoginForm

from masthead.ratelimits import CODE_AT_ADDRESS

from .signin import SignInThrottled, account_key, client_address, signin_authenticate


class AdminLoginForm(LoginForm):
    """Wagtail's login form, authenticating through the shared sign-in throttle."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = signin_authenticate(
                    self.request, username, password, field="username"
                )
            except SignInThrottled as exc:
                raise forms.ValidationError(str(exc), code="too_many_login_attempts") from exc
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """Asking for a sign-in code, limited per account *at one address* (and per address, by
    allauth), so that nobody elsewhere can keep the owner from getting a code."""

    def clean_email(self) -> str:
        email = super().clean_email()
        if email:
            key = f"{account_key(email)}@{client_address(context.request)}"
            if not ratelimit.consume(context.request, action=CODE_AT_ADDRESS, key=key):
                raise get_adapter().validation_error("too_many_login_attempts")
        return email
