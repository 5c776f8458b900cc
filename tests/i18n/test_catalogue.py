"""The Spanish catalogue covers every string the code marks, and keeps its placeholders.

`test_every_marked_string_is_translated` runs `makemessages` on a temporary copy of the
project (so the real catalogue is never touched) and fails on any msgid that is missing,
untranslated or fuzzy. It needs GNU gettext; `make test` installs it, so in CI it never skips.
"""

import collections
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# The same ignores as `make messages`.
IGNORED = [".venv/*", "frontend/*", "tests/*", "node_modules/*"]
NOT_COPIED = shutil.ignore_patterns(
    ".venv",
    ".git",
    "node_modules",
    "frontend",
    "tests",
    "staticfiles",
    "media",
    "test-artifacts",
    "__pycache__",
)
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdif]|%[sdif%]|\{\{.*?\}\}|\{[0-9a-z_]*\}|</?[a-zA-Z][^>]*>"
)


def _describe(entry):
    return f"{entry.msgid!r}" + (f" (context {entry.msgctxt!r})" if entry.msgctxt else "")


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        pytest.skip("GNU gettext is not installed (`make test` installs it: apt-get install gettext)")
    copy = tmp_path_factory.mktemp("catalogue") / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED, symlinks=True)
    command = [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete"]
    for pattern in IGNORED:
        command += ["-i", pattern]
    result = subprocess.run(
        command,
        cwd=copy,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    return polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))


def test_every_marked_string_is_translated(fresh_catalogue):
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PO)) if not e.obsolete}
    missing = [_describe(e) for e in fresh_catalogue if (e.msgctxt, e.msgid) not in committed]
    untranslated = [_describe(e) for e in fresh_catalogue.untranslated_entries()]
    fuzzy = [_describe(e) for e in fresh_catalogue.fuzzy_entries()]
    assert not missing, "Not in the catalogue (run `make messages`, then translate):\n" + "\n".join(missing)
    assert not untranslated, "Untranslated in locale/es/LC_MESSAGES/django.po:\n" + "\n".join(untranslated)
    assert not fuzzy, "Fuzzy (check the Spanish, then remove `#, fuzzy`):\n" + "\n".join(fuzzy)


def test_committed_catalogue_is_complete_and_compiled():
    catalogue = polib.pofile(str(PO))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO))}
    stale = [
        _describe(e)
        for e in catalogue.translated_entries()
        if compiled.get((e.msgctxt, e.msgid)) != (e.msgstr, e.msgstr_plural)
    ]
    assert not stale, "django.mo is out of date: run `make messages` and commit both files:\n" + "\n".join(
        stale
    )


def _placeholders(text):
    return collections.Counter(PLACEHOLDER.findall(text))


def test_translations_keep_placeholders_and_html():
    wrong = []
    for entry in polib.pofile(str(PO)).translated_entries():
        if entry.msgid_plural:
            expected = set(_placeholders(entry.msgid)) | set(_placeholders(entry.msgid_plural))
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            # The singular form may leave out the count ("un segundo"); nothing may be added,
            # and the plural form keeps every placeholder.
            if any(not set(_placeholders(form)) <= expected for form in forms) or _placeholders(
                forms[-1]
            ) != _placeholders(entry.msgid_plural):
                wrong.append(f"{_describe(entry)} -> {forms!r}")
        elif _placeholders(entry.msgid) != _placeholders(entry.msgstr):
            wrong.append(f"{_describe(entry)} -> {entry.msgstr!r}")
    assert not wrong, "Placeholders or HTML differ between English and Spanish:\n" + "\n".join(wrong)


def test_placeholder_check_can_fail():
    assert _placeholders("Hello %(name)s <strong>{{ x }}</strong>") != _placeholders(
        "Hola <strong>{{ x }}</strong>"
    )
