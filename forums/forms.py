from django import forms

from .models import CommentKind
from .text import MAX_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "class": "usa-textarea usa-character-count__field"}),
        help_text="Plain text. Links and line breaks are kept. Do not name children or families.",
        error_messages={
            "required": "Write something before you post.",
            "max_length": f"Keep it to {MAX_LENGTH:,} characters or fewer.",
        },
    )
    kind = forms.ChoiceField(
        label="This is a",
        choices=CommentKind.choices,
        initial=CommentKind.COMMENT,
        widget=forms.RadioSelect,
        required=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    official = forms.BooleanField(required=False, label="Post as the agency's official answer")
    client_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def clean_kind(self):
        return self.cleaned_data.get("kind") or CommentKind.COMMENT


class CommentEditForm(forms.Form):
    body = CommentForm.base_fields["body"]
