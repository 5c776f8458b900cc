"""Comments held for review keep the hold rule's code, so the reason is shown in the reader's
language; existing held comments get theirs from their stored English sentence."""

from django.db import migrations, models

# The English sentences the hold rules stored before codes were kept (forums.moderation.rules
# MESSAGES at the time), by code. The danger sentence carried phone numbers, so it is matched
# by its beginning. Text that matches none is left as it is and shown as written.
KNOWN = {
    "personal-data": "held for review because it may contain personal information about a child or family",
    "blocked-words": "held for review because it contains words that moderators check first",
    "sanctioned": "held for review because your account is limited for now (see the notice on this page)",
    "new-author": "held for review because moderators read the first comments of new members",
    "new-account": "held for review because your account is new",
    "links": "held for review because it has several links",
}
DANGER_START = "held for review because it may say that someone is in danger."


def codes_for(model) -> None:
    """Give every held row whose sentence is a known one its code (one UPDATE per code).
    The agenda's migration uses it too, for proposals and their comments."""
    unset = model.objects.filter(held_code="")
    unset.filter(held_reason__startswith=DANGER_START).update(held_code="danger")
    for code, sentence in KNOWN.items():
        unset.filter(held_reason=sentence).update(held_code=code)


def set_codes(apps, schema_editor):
    codes_for(apps.get_model("forums", "Comment"))


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0008_planitem_regions"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="held_code",
            field=models.CharField(
                blank=True,
                help_text="The hold rule's code: the reason is shown from it in the reader's language.",
                max_length=20,
            ),
        ),
        migrations.RunPython(set_codes, migrations.RunPython.noop),
    ]
