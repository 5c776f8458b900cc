"""Public forms say what to do in plain words, in the reader's language, never Django's defaults."""

import pytest
from django.utils import translation

from forums.forms import CommentForm
from portal.accounts.forms import LoginForm, ProfileForm, SignupForm
from surveys.questionnaire.builder import SectionForm, field_name
from surveys.questionnaire.schema import Question

DJANGO_DEFAULTS = ["This field is required.", "Enter a valid", "Select a valid choice", "Ensure this value"]


def _errors(questions, data):
    form = SectionForm(data=data, questions=questions)
    assert not form.is_valid()
    return {name: " ".join(errors) for name, errors in form.errors.items()}


NUMBER = Question(id="n", type="number", label="How many?", min_value=0, max_value=12)
DATE = Question(id="d", type="date", label="When?")
CHOICE = Question(id="c", type="single_choice", label="Which?", choices=["A", "B"], required=True)
MULTI = Question(id="m", type="multiple_choice", label="Which ones?", choices=["A", "B"])
TEXT = Question(id="t", type="short_text", label="Name?", required=True)


@pytest.mark.parametrize(
    ("question", "value", "english", "spanish"),
    [
        (NUMBER, "13", "Choose a number from 0 to 12.", "Elija un número del 0 al 12."),
        (NUMBER, "-1", "Choose a number from 0 to 12.", "Elija un número del 0 al 12."),
        (NUMBER, "lots", "Enter a number, like 3 or 2.5.", "Escriba un número, como 3 o 2,5."),
        (DATE, "next week", "Enter a date like 03/15/2027.", "Escriba una fecha como 15/03/2027."),
        (CHOICE, "", "Please answer this question.", "Por favor, responda esta pregunta."),
        (CHOICE, "Z", "Choose one of the listed answers.", "Elija una de las respuestas de la lista."),
        (MULTI, ["Z"], "Choose one of the listed answers.", "Elija una de las respuestas de la lista."),
        (TEXT, "", "Please answer this question.", "Por favor, responda esta pregunta."),
    ],
)
def test_survey_field_messages(question, value, english, spanish):
    data = {field_name(question): value}
    for language, expected in (("en", english), ("es", spanish)):
        with translation.override(language):
            message = _errors([question], data)[field_name(question)]
        assert message == expected
        assert not any(default in message for default in DJANGO_DEFAULTS)


def test_too_long_text_says_the_limit():
    message = _errors([TEXT], {field_name(TEXT): "x" * 1000})[field_name(TEXT)]
    assert message.startswith("Please keep it shorter: at most")


@pytest.mark.django_db
def test_account_forms_have_plain_required_messages():
    with translation.override("en"):
        signup = SignupForm(data={})
        signup.is_valid()
        login = LoginForm(data={})
        login.is_valid()
        profile = ProfileForm(data={})
        profile.is_valid()
        comment = CommentForm(data={})
        comment.is_valid()
        assert signup.errors["email"] == ["Enter your e-mail address."]
        assert signup.errors["display_name"] == ["Enter a display name."]
        assert login.errors["login"] == ["Enter your e-mail address."]
        assert login.errors["password"] == ["Enter your password."]
        assert login.fields["remember"].label == "Remember me"
        assert str(login.fields["login"].label) == "E-mail address"
        assert comment.errors["body"] == ["Write something before you post."]
        bad = SignupForm(data={"email": "not-an-address"})
        bad.is_valid()
        assert bad.errors["email"] == ["Enter an e-mail address like name@example.org."]
        for form in (signup, login, profile, comment):
            text = " ".join(" ".join(e) for e in form.errors.values())
            assert not any(default in text for default in DJANGO_DEFAULTS), text
    with translation.override("es"):
        login = LoginForm(data={})
        login.is_valid()
        assert login.errors["password"] == ["Escriba su contraseña."]
        assert login.fields["remember"].label == "Recordarme"


def test_a_display_name_ending_in_a_stop_gets_no_second_one():
    from django.template import Context, Template

    template = Template("{% load portal_i18n %}Hello, {{ name|full_stop }}")
    assert template.render(Context({"name": "Dana R."})) == "Hello, Dana R."
    assert template.render(Context({"name": "Dana"})) == "Hello, Dana."
