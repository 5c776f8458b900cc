"""The eco-map and matrix filters (django-filter): region or county, kind, status, phase."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from home.cfsr import ReviewPhase
from portal.accounts.models import Region

from .models import Partner
from .vocabulary import PartnerKind, Status


class PartnerFilter(django_filters.FilterSet):
    region = django_filters.ModelChoiceFilter(
        field_name="regions", queryset=Region.objects.all(), label=_("Region or county"), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(choices=PartnerKind.choices, label=_("Kind"), empty_label=_("All"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"), empty_label=_("All"))
    phase = django_filters.ChoiceFilter(
        choices=ReviewPhase.choices,
        label=_("Review phase"),
        empty_label=_("All phases"),
        method="filter_phase",
    )

    class Meta:
        model = Partner
        fields = ["region", "kind", "status"]

    def filter_phase(self, queryset, name, value):
        # The phase changes how links are drawn (involvement in that phase), not who is shown.
        return queryset

    @property
    def selected_phase(self) -> str:
        return self.form.cleaned_data.get("phase") or "" if self.form.is_valid() else ""


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the partner's history."),
    )
    changed_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
