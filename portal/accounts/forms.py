from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from .models import AgeBand, Region, StakeholderGroup

UNDER_13 = "under-13"


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        max_length=60,
        label="Display name",
        help_text="Shown next to what you write. A first name, initials or a nickname; "
        "you do not have to use your real name.",
    )
    age_band = forms.ChoiceField(
        label="Your age",
        choices=[("", "Choose one"), (UNDER_13, "Under 13"), *AgeBand.choices[:-1],
                 ("prefer-not", "Prefer not to say")],
        help_text="We ask so that we can keep young people's information extra safe.",
    )
    groups = forms.ModelMultipleChoiceField(
        label="Which groups describe you? (optional, choose any)",
        queryset=StakeholderGroup.objects.filter(self_select=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    region = forms.ModelChoiceField(
        label="County or region (optional)",
        queryset=Region.objects.all(),
        required=False,
        empty_label="Prefer not to say",
    )

    field_order = ["email", "display_name", "password1", "password2", "age_band", "groups", "region"]

    def clean_age_band(self):
        value = self.cleaned_data["age_band"]
        if value == UNDER_13:
            raise forms.ValidationError(
                "People under 13 cannot create an account. If someone sent you a survey "
                "link, you can answer it without an account."
            )
        return "" if value == "prefer-not" else value
