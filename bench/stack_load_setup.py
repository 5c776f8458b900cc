"""Prepare the writers of bench/stack_load.py in the demo database; prints a JSON plan.

    DJANGO_SETTINGS_MODULE=... DATABASE_URL=... .venv/bin/python bench/stack_load_setup.py

Writers are the demo's verified participants (group membership verified by staff). Each gets
the topics it may post on (forums.permissions.can_post) and answers a one-question,
identified survey once ("Stack load survey", published under the demo's survey index and
open to anyone signed in), so every acknowledged answer is a Response row at once.
Survey writers answer "Stack load survey (anonymous)" without signing in, once per visit: its
answers are sealed on receipt and written later in shuffled batches (surveys/pool.py).
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from forums.models import TopicPage  # noqa: E402
from forums.permissions import can_post  # noqa: E402
from portal.accounts.demo import DEFAULT_PASSWORD  # noqa: E402
from portal.accounts.models import Membership  # noqa: E402
from surveys.factories import question, section, survey_index  # noqa: E402
from surveys.models import AccessMode, SurveyPage  # noqa: E402

SLUG = "stack-load-survey"
QUESTION_ID = "stack-load-q1"


def load_survey(*, anonymous: bool = False) -> SurveyPage:
    slug = f"{SLUG}-anonymous" if anonymous else SLUG
    survey = SurveyPage.objects.filter(slug=slug).first()
    if survey:
        return survey
    survey = SurveyPage(
        title="Stack load survey (anonymous)" if anonymous else "Stack load survey",
        slug=slug,
        access_mode=AccessMode.PUBLIC,
        is_anonymous=anonymous,
        sections=[section("Load", [question("short_text", "A word", id=QUESTION_ID, required=True)])],
    )
    survey_index().add_child(instance=survey)
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def main():
    survey = load_survey()
    topics = list(TopicPage.objects.live().specific())
    writers = []
    verified = (
        Membership.objects.filter(verified_at__isnull=False, user__email__endswith="@demo.portal.example.org")
        .select_related("user")
        .order_by("user__email")
    )
    for membership in verified:
        user = membership.user
        postable = [topic.pk for topic in topics if can_post(user, topic) and topic.is_open]
        if postable and user.email not in {w["email"] for w in writers}:
            writers.append({"email": user.email, "password": DEFAULT_PASSWORD, "topics": postable})
    plan = {
        "survey": survey.pk,
        "anonymous_survey": load_survey(anonymous=True).pk,
        "question": f"q_{QUESTION_ID}",
        "writers": writers,
    }
    sys.stdout.write(json.dumps(plan) + "\n")


if __name__ == "__main__":
    main()
