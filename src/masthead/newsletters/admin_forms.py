"""The editor's "Send as newsletter" form."""

from django import forms
from django.utils import timezone

from .models import Newsletter


class SendIssueForm(forms.Form):
    newsletter = forms.ModelChoiceField(
        queryset=Newsletter.objects.filter(active=True), empty_label=None
    )
    subject = forms.CharField(max_length=200)
    preheader = forms.CharField(
        max_length=200,
        required=False,
        help_text="The line mail clients show after the subject; empty: the standfirst",
    )
    when = forms.ChoiceField(
        choices=[("now", "Send now"), ("later", "Schedule")],
        initial="now",
        widget=forms.RadioSelect,
    )
    scheduled_at = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="In the publication's time zone",
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            at = data.get("scheduled_at")
            if at is None:
                self.add_error("scheduled_at", "Choose when to send it.")
            elif at <= timezone.now():
                self.add_error("scheduled_at", "Choose a time in the future.")
        else:
            data["scheduled_at"] = None
        return data
