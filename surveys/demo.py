"""Demo surveys: the five the agency runs, each targeted, with a few hundred generated answers.

The youth survey is anonymous and answered through invitation links, the way young people
(including under-13s, who never get accounts) take part.
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from portal.accounts.models import Region, StakeholderGroup
from portal.demo import DemoContext

from . import pool, services
from .demo_caregivers import caregiver_survey
from .factories import bulk_responses, question, random_answers, section, survey_index
from .models import AccessMode, SurveyPage

AGREE = "likert"


def _court():
    return [
        section(
            "Working together",
            [
                question(
                    "single_choice",
                    "What is your role in dependency cases?",
                    code="C1",
                    required=True,
                    choices=[
                        "Judge or magistrate",
                        "Parent attorney",
                        "Child's attorney or GAL",
                        "Agency attorney",
                        "CASA volunteer",
                    ],
                    allow_other=True,
                ),
                question(
                    AGREE,
                    "Court reports from the agency arrive in time to read them.",
                    code="C2",
                    required=True,
                ),
                question(
                    "likert_grid",
                    "Thinking about the last six months:",
                    code="C3",
                    statements=[
                        "Hearings start on time",
                        "Parents understand what the court expects",
                        "Relatives are identified early",
                    ],
                ),
            ],
        ),
        section(
            "Improving hearings",
            [
                question(
                    "scale_0_10",
                    "How likely are you to recommend the joint training to a colleague?",
                    code="C4",
                ),
                question(
                    "long_text", "What one change would make hearings more useful for families?", code="C5"
                ),
            ],
        ),
    ]


def _service_array():
    return [
        section(
            "Services you offer",
            [
                question(
                    "multiple_choice",
                    "Which services does your organisation provide?",
                    code="S1",
                    required=True,
                    choices=[
                        "Parenting classes",
                        "Substance use treatment",
                        "Mental health counselling",
                        "Housing help",
                        "Transport",
                    ],
                ),
                question(
                    "number",
                    "About how many families are on your waiting list?",
                    code="S2",
                    min_value=0,
                    max_value=500,
                ),
            ],
        ),
        section(
            "Gaps",
            [
                question(
                    AGREE,
                    "Families can reach our services within a reasonable time.",
                    code="S3",
                    required=True,
                ),
                question("rating", "How well does the agency's referral process work for you?", code="S4"),
                question(
                    "long_text", "Which service is hardest for families to get in your county?", code="S5"
                ),
            ],
        ),
    ]


def _youth():
    return [
        section(
            "About you",
            [
                question("yes_no", "Do you know who your caseworker is right now?", code="Y1", required=True),
                question(
                    "single_choice",
                    "Where do you live now?",
                    code="Y2",
                    choices=["With a foster family", "With relatives", "In a group home", "On my own"],
                    allow_other=True,
                ),
            ],
        ),
        section(
            "Your caseworker",
            [
                question(
                    "rating",
                    "How easy is it to reach your caseworker?",
                    code="Y3",
                    show_if_code="Y1",
                    show_if_value="Yes",
                ),
                question(
                    AGREE, "Adults ask for my opinion before decisions about me.", code="Y4", required=True
                ),
            ],
        ),
        section(
            "Looking ahead",
            [
                question(
                    "likert_grid",
                    "How ready do you feel?",
                    code="Y5",
                    statements=["I have a plan for school or work", "I know where to get help"],
                ),
                question(
                    "long_text",
                    "Anything else you want the agency to hear?",
                    code="Y6",
                    help_text="Please do not write names. If you are not safe, call 911.",
                ),
            ],
        ),
    ]


def _fatherhood():
    return [
        section(
            "Fathers and services",
            [
                question(
                    "yes_no",
                    "Were you invited to your child's case planning meeting?",
                    code="F1",
                    required=True,
                ),
                question(AGREE, "Services were offered at times I could attend.", code="F2", required=True),
                question(
                    "multiple_choice",
                    "What would help you take part more?",
                    code="F3",
                    choices=["Evening meetings", "Video calls", "A father mentor", "Help with transport"],
                ),
                question(
                    "long_text", "Tell us about a time the agency included you well, or did not.", code="F4"
                ),
            ],
        ),
    ]


def _family_team_meetings():
    return [
        section(
            "Your last family team meeting",
            [
                question("date", "When was your last family team meeting (roughly)?", code="M1"),
                question(
                    "likert_grid",
                    "At that meeting:",
                    code="M2",
                    required=True,
                    statements=[
                        "I had time to prepare",
                        "My views were written into the plan",
                        "I left knowing next steps",
                    ],
                ),
                question("rating", "Overall, how useful was the meeting?", code="M3", required=True),
                question("short_text", "Who else should have been there?", code="M4"),
            ],
        ),
    ]


SURVEYS = [
    # slug, title, intro, sections, access, anonymous, group slugs, days open (negative: closed)
    (
        "court-partnership-2026",
        "Court partnership survey",
        "For judges, attorneys, CASA volunteers and tribal court partners: how are we working together?",
        _court,
        AccessMode.MEMBERS,
        False,
        ["courts-and-legal", "tribal-partners"],
        30,
    ),
    (
        "service-array-2026",
        "Service array survey",
        "Help us map which services families can reach, and where the gaps are.",
        _service_array,
        AccessMode.MEMBERS,
        False,
        ["community-partners-and-providers", "health-and-behavioural-health"],
        21,
    ),
    (
        "youth-voices-2026",
        "Youth services survey",
        "A short, anonymous survey for young people in care. Nobody will know which answers are yours.",
        _youth,
        AccessMode.INVITATION,
        True,
        ["youth-and-young-adults"],
        45,
    ),
    (
        "fatherhood-services-2026",
        "Fatherhood services survey",
        "Dads and father figures: tell us whether our services make room for you. Anonymous.",
        _fatherhood,
        AccessMode.PUBLIC,
        True,
        ["birth-parents", "foster-parents-and-kin"],
        14,
    ),
    (
        "family-team-meetings-2026",
        "Family team meetings survey",
        "Families and partners who joined a family team meeting this year: was it worth your time?",
        _family_team_meetings,
        AccessMode.MEMBERS,
        False,
        [
            "foster-parents-and-kin",
            "birth-parents",
            "youth-and-young-adults",
            "community-partners-and-providers",
        ],
        -2,
    ),
]
RESPONSES = {
    "court-partnership-2026": 45,
    "service-array-2026": 70,
    "youth-voices-2026": 60,
    "fatherhood-services-2026": 50,
    "family-team-meetings-2026": 90,
}
ANALYST_PAGE_PERMISSIONS = ["add_page", "change_page"]


def grant_analysts(index) -> None:
    """Analysts may draft and edit surveys here; moderators approve them in the workflow."""
    analysts = Group.objects.get(name="Survey analysts")
    for codename in ANALYST_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=analysts,
            page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def _make_survey(index, spec, now) -> SurveyPage:
    slug, title, intro, sections, access, anonymous, group_slugs, days = spec
    existing = SurveyPage.objects.filter(slug=slug).first()
    if existing:
        return existing
    opens, closes = (
        (now - timedelta(days=30), now + timedelta(days=days))
        if days > 0
        else (now - timedelta(days=40), now + timedelta(days=days))
    )
    survey = SurveyPage(
        title=title,
        slug=slug,
        intro=intro,
        sections=sections(),
        access_mode=access,
        is_anonymous=anonymous,
        opens_at=opens,
        closes_at=closes,
        public_summary=days < 0,
        thank_you="Thank you. The agency shares what it heard, and what it changes, on this portal.",
    )
    index.add_child(instance=survey)
    survey.target_groups.set(StakeholderGroup.objects.filter(slug__in=group_slugs))
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def _answer_through_links(ctx: DemoContext, survey: SurveyPage, count: int) -> None:
    tokens = services.invitations_create(survey=survey, count=count + 40)
    for token in tokens[:count]:
        services.response_submit(
            survey=survey,
            user=AnonymousUser(),
            data=random_answers(survey, ctx.rng),
            invitation=services.invitation_lookup(token=token),
        )
    pool.pool_flush(survey_id=survey.pk, force=True)  # the demo shows them at once, in batches


def generate(ctx: DemoContext) -> None:
    index = survey_index()
    grant_analysts(index)
    now = timezone.now()
    regions = list(Region.objects.all())
    for i, spec in enumerate(SURVEYS, start=1):
        survey = _make_survey(index, spec, now)
        count = RESPONSES[survey.slug]
        if not survey.responses.exists():
            if survey.access_mode == AccessMode.INVITATION:
                _answer_through_links(ctx, survey, count)
            else:
                groups = list(survey.target_groups.all())
                bulk_responses(survey, count, ctx.rng, groups=groups, regions=regions)
        ctx.step(i, len(SURVEYS) + 1, survey.title)
    survey = caregiver_survey(ctx, index, now)  # in English and Spanish (issue 12)
    ctx.step(len(SURVEYS) + 1, len(SURVEYS) + 1, survey.title)
