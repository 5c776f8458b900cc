"""Forms for sign-up, the profile in My portal and account deletion."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import AgeBand, Region, StakeholderGroup

UNDER_13 = "under-13"
PREFER_NOT = "prefer-not"
UNDER_13_MESSAGE = (
    "You need to be 13 or older to create an account. You can still take part: if someone "
    "sent you a survey link, open it to answer without an account."
)


def _age_choices(*, with_under_13: bool) -> list[tuple[str, str]]:
    bands = [(value, label) for value, label in AgeBand.choices if value]
    under = [(UNDER_13, _("Under 13"))] if with_under_13 else []
    return [("", _("Choose one")), *under, *bands, (PREFER_NOT, _("Prefer not to say"))]


class ProfileFieldsMixin(forms.Form):
    display_name = forms.CharField(
        max_length=60,
        label=_("Display name"),
        help_text=_(
            "Shown next to what you write. A first name, initials or a nickname; "
            "you do not have to use your real name."
        ),
    )
    age_band = forms.ChoiceField(
        label=_("Your age"),
        choices=_age_choices(with_under_13=False),
        help_text=_("We ask so that we can keep young people's information extra safe."),
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("Which groups describe you? (optional, choose any)"),
        queryset=StakeholderGroup.objects.filter(self_select=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("This helps us send you the right surveys and news. Staff may confirm it later."),
    )
    region = forms.ModelChoiceField(
        label=_("County or region"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("Prefer not to say"),
    )

    def clean_display_name(self):
        value = self.cleaned_data["display_name"].strip()
        if not value:
            raise forms.ValidationError("Enter a display name.")
        return value

    def clean_age_band(self):
        value = self.cleaned_data["age_band"]
        if value == UNDER_13:
            raise forms.ValidationError(UNDER_13_MESSAGE)
        return "" if value == PREFER_NOT else value


class SignupForm(ProfileFieldsMixin, AllauthSignupForm):
    field_order = ["email", "display_name", "password1", "password2", "age_band", "groups", "region"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_band"].choices = _age_choices(with_under_13=True)
        self.fields["email"].help_text = _("We send a link to this address to confirm it is yours.")
        self.fields["password1"].help_text = _(
            "At least 10 characters. Not a common password, not only numbers, "
            "and not like your e-mail or display name."
        )

    def save(self, request):
        # The user, their e-mail address and memberships are saved together or not at all.
        with transaction.atomic():
            return super().save(request)


class ProfileForm(ProfileFieldsMixin):
    @classmethod
    def for_user(cls, user, data=None):
        initial = {
            "display_name": user.display_name,
            "age_band": user.age_band or PREFER_NOT,
            "region": user.region_id,
            "groups": [m.group_id for m in user.memberships.all() if m.group.self_select],
        }
        return cls(data=data, initial=initial)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Type the password you sign in with, to show it is really you.",
    )
