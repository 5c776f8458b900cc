"""The demo's foster-parent survey, in English and Spanish, with answers in both languages.

Foster parents and kin answer it signed in; the Spanish-speaking demo families (User.language
"es", see portal/accounts/demo.py) answer it in Spanish, and their answers are counted with
everyone else's under the same question ids and values.
"""

from datetime import timedelta

from portal.accounts.models import Region, StakeholderGroup, User
from portal.demo import DemoContext

from . import services
from .factories import bulk_responses, question, random_answers, section
from .models import AccessMode, SurveyPage

SLUG = "foster-caregivers-2026"
GROUP = "foster-parents-and-kin"
RESPONSES = 40
SPANISH_SPEAKERS = ["rosa", "carmen"]


def sections() -> list[dict]:
    return [
        section(
            "Support for your family",
            [
                question(
                    "single_choice",
                    "How do you care for a child right now?",
                    label_es="¿Cómo cuida usted a un niño en este momento?",
                    code="F1",
                    required=True,
                    choices=[
                        "Licensed foster parent",
                        "Relative or kin caregiver",
                        "Not caring for a child now",
                    ],
                    choices_es=[
                        "Familia de crianza con licencia",
                        "Familiar cuidador",
                        "No cuido a ningún niño ahora",
                    ],
                ),
                question(
                    "likert",
                    "I know who to call when I need help with the child in my care.",
                    label_es="Sé a quién llamar cuando necesito ayuda con el niño que cuido.",
                    code="F2",
                    required=True,
                ),
                question(
                    "multiple_choice",
                    "Which supports have you used this year?",
                    label_es="¿Qué apoyos ha usado este año?",
                    help_text="Choose all that apply.",
                    help_text_es="Elija todas las opciones que correspondan.",
                    code="F3",
                    choices=["Respite care", "Caregiver support group", "Kinship navigator", "Training"],
                    choices_es=[
                        "Cuidado de relevo",
                        "Grupo de apoyo para cuidadores",
                        "Orientador para familiares cuidadores",
                        "Capacitación",
                    ],
                    allow_other=True,
                ),
            ],
            title_es="Apoyo para su familia",
            intro="About the help you get while caring for a child.",
            intro_es="Sobre la ayuda que recibe mientras cuida a un niño.",
        ),
        section(
            "What would help",
            [
                question(
                    "yes_no",
                    "Would you like materials in Spanish?",
                    label_es="¿Le gustaría recibir materiales en español?",
                    code="F4",
                ),
                question(
                    "long_text",
                    "What one thing would make caring for a child easier?",
                    label_es="¿Qué cosa haría más fácil cuidar a un niño?",
                    code="F5",
                ),
            ],
            title_es="Lo que le ayudaría",
        ),
    ]


def caregiver_survey(ctx: DemoContext, index, now) -> SurveyPage:
    """The survey (idempotent), its generated answers and the Spanish speakers' own."""
    survey = SurveyPage.objects.filter(slug=SLUG).first()
    if survey is None:
        survey = SurveyPage(
            title="Foster parent and kinship caregiver survey",
            title_es="Encuesta para familias de crianza y familiares cuidadores",
            slug=SLUG,
            intro="Foster parents and relatives caring for children: tell us what support works for you.",
            intro_es=(
                "Familias de crianza y familiares que cuidan a niños: cuéntenos qué apoyo le funciona."
            ),
            sections=sections(),
            access_mode=AccessMode.MEMBERS,
            opens_at=now - timedelta(days=20),
            closes_at=now + timedelta(days=40),
            thank_you="Thank you. The agency shares what it heard, and what it changes, on this portal.",
            thank_you_es="Gracias. La agencia comparte en este portal lo que escuchó y lo que cambia.",
        )
        index.add_child(instance=survey)
        survey.target_groups.set(StakeholderGroup.objects.filter(slug=GROUP))
        survey.save_revision().publish()
        survey = SurveyPage.objects.get(pk=survey.pk)
    if not survey.responses.exists():
        groups = list(survey.target_groups.all())
        bulk_responses(survey, RESPONSES, ctx.rng, groups=groups, regions=list(Region.objects.all()))
        for person in User.objects.filter(username__in=SPANISH_SPEAKERS, language="es"):
            services.response_submit(
                survey=survey, user=person, data=random_answers(survey, ctx.rng), language="es"
            )
    return survey
