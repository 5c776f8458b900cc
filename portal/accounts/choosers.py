"""The person picker: a searchable chooser for accounts, instead of a dropdown of every account.

Active, not de-identified accounts only, found by display name or e-mail. People who manage
accounts (`accounts.view_user`: administrators) may browse the list. Anyone else who adds
people somewhere (facilitators adding members, staff confirming stakeholder groups) must type
at least three characters, sees at most a short list, and sees e-mail addresses masked unless
they typed the whole address: enough to pick the person they mean, not a directory.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

MIN_SEARCH = 3
SEARCH_LIMIT = 20
PICKER_PERMISSIONS = (
    "accounts.view_user",
    "accounts.add_membership",
    "forums.add_workgroupmembership",
)


def may_pick_people(user) -> bool:
    return user.is_authenticated and any(user.has_perm(p) for p in PICKER_PERMISSIONS)


def may_browse_people(user) -> bool:
    return user.is_authenticated and user.has_perm("accounts.view_user")


def masked_email(email: str) -> str:
    name, _at, domain = email.partition("@")
    return f"{name[:1]}•••@{domain}" if domain else "•••"


class PersonSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name or e-mail"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search by name or e-mail")}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(Q(display_name__icontains=query) | Q(email__icontains=query))
        return objects


class PersonChooseMixin:
    filter_form_class = PersonSearchForm
    ordering = ["display_name", "email"]
    per_page = SEARCH_LIMIT

    def get_object_list(self):
        people = get_user_model().objects.filter(is_active=True, is_deidentified=False)
        return people if may_pick_people(self.request.user) else people.none()

    def filter_object_list(self, objects):
        objects = super().filter_object_list(objects)
        if may_browse_people(self.request.user):
            return objects
        query = self.filter_form.search_query or ""
        if len(query) < MIN_SEARCH:
            return objects.none()
        return objects[:SEARCH_LIMIT]

    def _email_shown(self, person) -> str:
        query = (self.filter_form.search_query or "").lower()
        if may_browse_people(self.request.user) or query == person.email.lower():
            return person.email
        return masked_email(person.email)

    @property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                accessor="public_name",
                get_url=lambda person: self.append_preserved_url_parameters(
                    reverse(self.chosen_url_name, args=(quote(person.pk),))
                ),
                link_attrs={"data-chooser-modal-choice": True},
            ),
            Column("email", label=_("E-mail"), accessor=self._email_shown),
        ]


class PersonChooseView(PersonChooseMixin, ChooseView):
    pass


class PersonChooseResultsView(PersonChooseMixin, ChooseResultsView):
    pass


class PersonChooserViewSet(ChooserViewSet):
    model = "accounts.User"
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Edit")
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    # Not every person field should offer everyone (staff-only owners keep their own list):
    # forms opt in with `person_chooser_viewset.widget_class`.
    register_widget = False


person_chooser_viewset = PersonChooserViewSet("person_chooser", url_prefix="people/choose")
