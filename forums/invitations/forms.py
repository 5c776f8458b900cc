from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from forums.models import WorkgroupPage

from .services import addresses_parse


class InvitationForm(forms.Form):
    workgroup = forms.ModelChoiceField(queryset=WorkgroupPage.objects.none(), label=_("Workgroup"))
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or several, separated by commas or new lines."),
        error_messages={"required": _("Enter at least one e-mail address.")},
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the e-mail. Do not name children or families."),
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=settings.LANGUAGES,
        help_text=_("For addresses that have no account yet; people with an account get their own language."),
    )

    def __init__(self, *args, workgroups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workgroup"].queryset = workgroups

    def clean_emails(self):
        return addresses_parse(self.cleaned_data["emails"])
