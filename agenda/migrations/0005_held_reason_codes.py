"""Held proposals and proposal comments keep the hold rule's code, so the reason is shown in
the reader's language; existing rows get theirs from their stored English sentence."""

import importlib

from django.db import migrations, models

# The known English sentences and how they map to codes live in the forums migration that
# did the same for comments (the rules' sentences are shared).
forums_codes = importlib.import_module("forums.migrations.0009_held_reason_codes")


def set_codes(apps, schema_editor):
    forums_codes.codes_for(apps.get_model("agenda", "Proposal"))
    forums_codes.codes_for(apps.get_model("agenda", "ProposalComment"))


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0004_agenda_item_proposed_by_members"),
        ("forums", "0009_held_reason_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="held_code",
            field=models.CharField(
                blank=True,
                help_text="The hold rule's code: the reason is shown from it in the reader's language.",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="proposalcomment",
            name="held_code",
            field=models.CharField(
                blank=True,
                help_text="The hold rule's code: the reason is shown from it in the reader's language.",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="proposal",
            name="held_reason",
            field=models.CharField(
                blank=True, help_text="Why it is held, in English (for unknown rules).", max_length=300
            ),
        ),
        migrations.AlterField(
            model_name="proposalcomment",
            name="held_reason",
            field=models.CharField(
                blank=True, help_text="Why it is held, in English (for unknown rules).", max_length=300
            ),
        ),
        migrations.RunPython(set_codes, migrations.RunPython.noop),
    ]
