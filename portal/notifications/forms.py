from django import forms

from .models import Delivery, NotificationKind


class PreferencesForm(forms.Form):
    """One radio group per notification kind."""

    def __init__(self, *args, initial_deliveries: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                initial=initial_deliveries.get(kind),
            )
