"""The Django form a callout's questions become, used both to render and to validate.

Each question is a field named ``q<question id>``; choices are checked against the editor's
list, free text is capped, the e-mail (when asked) is validated. Two raw inputs ride along
outside the form's fields: ``next`` (where to return the reader) and ``website``, a honeypot
that no human fills in::

    form = CalloutForm(callout, request.POST)
    if form.is_valid():
        form.answers()   # {"12": "Yes", "13": ["Tokyo", "Seoul"], "14": "free text"}
"""

from django import forms

from ..models import CalloutQuestion

HONEYPOT = "website"
TEXT_MAX = 2000


def field_name(question: CalloutQuestion) -> str:
    return f"q{question.pk}"


def _field_for(question: CalloutQuestion) -> forms.Field:
    choices = [(c, c) for c in question.choice_list()]
    common = {"label": question.prompt, "required": question.required}
    if question.kind == CalloutQuestion.TEXT:
        field: forms.Field = forms.CharField(
            max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}), **common
        )
    elif question.kind == CalloutQuestion.MULTIPLE:
        field = forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    else:
        field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    field.kind = question.kind  # the template draws a fieldset for choices, a label for text
    return field


class CalloutForm(forms.Form):
    """A callout's questions as fields, plus the optional e-mail."""

    def __init__(self, callout, *args, **kwargs):
        kwargs.setdefault("auto_id", f"callout-{callout.pk}-%s")
        super().__init__(*args, **kwargs)
        self.callout = callout
        self.questions = list(callout.questions.all())
        for question in self.questions:
            self.fields[field_name(question)] = _field_for(question)
        if callout.ask_email:
            self.fields["email"] = forms.EmailField(
                required=False, max_length=254, label="Your e-mail (optional)"
            )

    def question_fields(self):
        return [self[field_name(q)] for q in self.questions]

    def email_field(self):
        return self["email"] if "email" in self.fields else None

    def is_spam(self) -> bool:
        """True when the honeypot was filled: a bot, whose answers are dropped silently."""
        return bool(str(self.data.get(HONEYPOT, "")).strip())

    def answers(self) -> dict:
        """The cleaned answers keyed by question id, unanswered optional questions left out."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if value not in (None, "", []):
                answers[str(question.pk)] = value
        return answers
