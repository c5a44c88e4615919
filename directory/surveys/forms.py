"""The survey's forms: a round and its questions for the coordinator, the answers for the
organization. Bad input gets a translated message and keeps what was typed."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from directory.models import QuestionKind, SurveyQuestion, SurveyRound
from directory.models.survey import SCALE

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
LONGEST_ROUND_DAYS = 366 * 2


class SurveyRoundForm(forms.ModelForm):
    class Meta:
        model = SurveyRound
        fields = ["title", "opens_on", "closes_on"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("opens_on", "closes_on"):
            self.fields[name].input_formats = DATE_FORMATS

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on:
            if closes_on < opens_on:
                self.add_error("closes_on", _("The round cannot close before it opens."))
            elif (closes_on - opens_on).days > LONGEST_ROUND_DAYS:
                self.add_error("closes_on", _("A round can last two years at most."))
        return data


class SurveyQuestionForm(forms.ModelForm):
    class Meta:
        model = SurveyQuestion
        fields = ["position", "text", "kind", "choices", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].max_value = 999
        self.fields["position"].widget.attrs["max"] = 999


QuestionFormSet = inlineformset_factory(
    SurveyRound,
    SurveyQuestion,
    form=SurveyQuestionForm,
    extra=3,
    max_num=40,
    validate_max=True,
    can_delete=True,
)


class AnswerForm(forms.Form):
    """One field a question, named ``q<pk>``. ``sending``: the required questions must be
    answered (a draft may leave any of them empty)."""

    def __init__(self, *args, questions, sending=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.name_of(question)] = _field(question, sending and question.required)

    @staticmethod
    def name_of(question) -> str:
        return f"q{question.pk}"

    def answers(self):
        """(question, chosen, text) for every question, from the cleaned data."""
        for question in self.questions:
            value = self.cleaned_data.get(self.name_of(question))
            if question.kind == QuestionKind.TEXT:
                yield question, [], (value or "").strip()
            elif question.kind == QuestionKind.MULTIPLE:
                yield question, list(value or []), ""
            else:
                yield question, [str(value)] if value not in (None, "") else [], ""


def _field(question, required):
    label = question.text
    if question.kind == QuestionKind.TEXT:
        return forms.CharField(label=label, required=required, max_length=500)
    options = [(option, option) for option in question.options]
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label, required=required, choices=options, widget=forms.CheckboxSelectMultiple
        )
    if question.kind == QuestionKind.SCALE:
        options = [(str(value), str(value)) for value in SCALE]
        label = _("%(question)s (1 = very little, 5 = very much)") % {"question": label}
    return forms.ChoiceField(
        label=label, required=required, choices=options, widget=forms.RadioSelect
    )


def initial_of(response) -> dict:
    """The answer form's initial values from a saved response (or none)."""
    if response is None:
        return {}
    initial = {}
    for answer in response.answers.all():
        name = f"q{answer.question_id}"
        kind = answer.question.kind
        if kind == QuestionKind.TEXT:
            initial[name] = answer.text
        elif kind == QuestionKind.MULTIPLE:
            initial[name] = answer.chosen
        else:
            initial[name] = answer.chosen[0] if answer.chosen else ""
    return initial
