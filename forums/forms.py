from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CommentKind
from .text import MAX_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "class": "usa-textarea usa-character-count__field"}),
        help_text=_("Plain text. Links and line breaks are kept. Do not name children or families."),
        error_messages={
            "required": _("Write something before you post."),
            "max_length": _("Keep it to %(limit_value)d characters or fewer (you wrote %(show_value)d)."),
        },
    )
    kind = forms.ChoiceField(
        label=_("This is a"),
        choices=CommentKind.choices,
        initial=CommentKind.COMMENT,
        widget=forms.RadioSelect,
        required=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    official = forms.BooleanField(required=False, label=_("Post as the agency's official answer"))
    client_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def clean_kind(self):
        return self.cleaned_data.get("kind") or CommentKind.COMMENT


class CommentEditForm(forms.Form):
    body = CommentForm.base_fields["body"]
