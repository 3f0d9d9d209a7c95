"""The dashboard's period: the last 7, 30 or 90 days (today included), or custom dates.

Bad input never reaches the queries: the form says what is wrong and the dashboard shows the
default period meanwhile.
"""

from datetime import date, timedelta

from django import forms

PRESETS = [
    ("7", "Last 7 days"),
    ("30", "Last 30 days"),
    ("90", "Last 90 days"),
    ("custom", "Custom dates"),
]
MAX_DAYS = 400
DEFAULT = "30"


class PeriodForm(forms.Form):
    period = forms.ChoiceField(choices=PRESETS, initial=DEFAULT, required=False)
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        choice = data.get("period") or DEFAULT
        if choice != "custom":
            days = int(choice)
            data["start"], data["end"] = self.today - timedelta(days=days - 1), self.today
            return data
        start, end = data.get("start"), data.get("end")
        if self.errors:
            return data
        if start is None or end is None:
            raise forms.ValidationError("Custom dates need both a start and an end date.")
        if end < start:
            raise forms.ValidationError("The end date must not be before the start date.")
        if end > self.today:
            raise forms.ValidationError("The end date cannot be in the future.")
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(f"Choose at most {MAX_DAYS} days.")
        return data


def default_range(today: date) -> tuple[date, date]:
    return today - timedelta(days=int(DEFAULT) - 1), today
