"""Spanish copies of the demo's main pages (Wagtail locale copies, published).

The home page, the Theory of Change, the page for foster parents and kin, and two updates,
written the way the agency would write them for Spanish-speaking families (neutral
Latin-American Spanish, formal "usted"). Idempotent: a page that already has its Spanish
copy is left as it is.
"""

from wagtail.models import Locale, Page

from .models import AudiencePage, HomePage, TheoryOfChangePage, UpdateIndexPage, UpdatePage

THEORY_ES = {
    "need": [
        (
            "Demasiados niños entran en cuidado de crianza cuando, con la ayuda adecuada, "
            "podrían estar seguros en casa.",
            "Muchas familias nos buscan en plena crisis, cuando ya se perdieron oportunidades "
            "de ayudar antes.",
        ),
        (
            "Los niños que entran en cuidado cambian de hogar muy seguido y pierden contacto con su familia.",
            "",
        ),
        ("Socios, cuidadores y jóvenes dicen que casi nunca se les consulta antes de decidir.", ""),
    ],
    "populations": [
        ("Niños y jóvenes, desde el nacimiento hasta los 21 años, atendidos por la agencia", ""),
        ("Padres, familiares cuidadores y familias de crianza", ""),
        ("Socios de la comunidad: tribunales, escuelas, salud, tribus y proveedores de servicios", ""),
    ],
    "strategies": [
        (
            "Reuniones de equipo familiar dentro de las 72 horas después de una preocupación de seguridad",
            "Una persona facilitadora capacitada reúne a la familia, a quienes la apoyan "
            "y al trabajador social.",
        ),
        (
            "Primero la familia: búsqueda y apoyo de familiares cuidadores",
            "Se busca y apoya a los familiares antes de recurrir a cuidadores sin parentesco.",
        ),
        (
            "Un ciclo compartido de mejora de la calidad con los socios",
            "Los grupos de trabajo revisan los datos cada trimestre y acuerdan qué cambiar.",
        ),
        ("La voz de cuidadores y jóvenes en cada grupo de trabajo", ""),
    ],
    "outputs": [
        ("Reuniones de equipo familiar realizadas y con qué rapidez", ""),
        ("Familiares cuidadores con licencia y con apoyo", ""),
        ("Revisiones trimestrales de datos con los socios", ""),
        ("Encuestas y periodos de comentarios completados, con respuestas publicadas", ""),
    ],
    "short_term": [
        ("Las familias conocen sus opciones y se sienten escuchadas", ""),
        ("Más niños se quedan con familiares cuando no pueden quedarse en casa", ""),
        ("Los socios confían en los datos y las decisiones de la agencia", ""),
    ],
    "intermediate": [
        ("Menos niños entran en cuidado de crianza", ""),
        ("Menos cambios de hogar", ""),
        ("Los servicios responden a lo que las familias realmente necesitan", ""),
    ],
    "long_term": [
        ("Los niños están seguros y siguen unidos a su familia", ""),
        ("Los niños en cuidado logran antes un hogar permanente", ""),
    ],
    "impact": [
        (
            "Los niños del condado de Lakeshore crecen seguros, con lazos familiares duraderos y el "
            "apoyo que necesitan para salir adelante.",
            "",
        ),
    ],
    "assumptions": [
        ("A las familias les va mejor cuando ayudan a planear su propia seguridad.", ""),
        ("Los socios participarán si se respeta su tiempo y ven qué cambió.", ""),
        ("Los datos confiables se comparten abiertamente y a tiempo.", ""),
    ],
}

UPDATES_ES = {
    "first-family-team-meetings": (
        "Las primeras cien reuniones de equipo familiar",
        "Lo que nos dijeron las familias y las personas facilitadoras después de las primeras "
        "cien reuniones.",
    ),
    "evening-meetings": (
        "Ahora hay reuniones de equipo familiar por la tarde y la noche",
        "Los padres que trabajan lo pidieron: ahora las reuniones pueden empezar hasta las 7 p. m.",
    ),
}

CAREGIVERS_SLUG = "foster-parents-and-supporters"


def _items(pairs):
    return [("item", {"text": t, "detail": d}) for t, d in pairs]


def _spanish_copy(page: Page, locale: Locale, **fields) -> Page:
    """The page's published Spanish copy, made from the English one with `fields` in Spanish."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(page.specific).objects.get(pk=copy.pk)


def _body(summary: str) -> list:
    return [
        (
            "rich_text",
            f"<p>{summary}</p><p>Compartiremos más en la próxima reunión de socios. Sus preguntas "
            "son bienvenidas en los datos de contacto que aparecen abajo.</p>",
        )
    ]


def translate_pages() -> None:
    spanish = Locale.objects.filter(language_code="es").first()
    english_home = HomePage.objects.filter(locale__language_code="en").first()
    if spanish is None or english_home is None:
        return
    home = _spanish_copy(
        english_home,
        spanish,
        title="Trabajamos juntos por los niños del condado de Lakeshore",
        intro=(
            "Los Servicios para Familias del condado de Lakeshore y sus socios trabajan juntos para "
            "que los niños estén seguros y las familias sigan unidas."
        ),
    )
    theory = TheoryOfChangePage.objects.filter(locale__language_code="en", slug="theory-of-change").first()
    if theory is not None:
        _spanish_copy(
            theory,
            spanish,
            title="Nuestra teoría del cambio",
            intro=(
                "Cómo creemos que el trabajo de la alianza lleva a niños más seguros y familias más fuertes."
            ),
            **{name: _items(pairs) for name, pairs in THEORY_ES.items()},
        )
    caregivers = AudiencePage.objects.filter(locale__language_code="en", slug=CAREGIVERS_SLUG).first()
    if caregivers is not None:
        caregivers_es = _spanish_copy(
            caregivers,
            spanish,
            title="Para familias de crianza, familiares cuidadores y quienes los apoyan",
            intro="Apoyo, capacitación y noticias para quienes cuidan a niños en el condado de Lakeshore.",
        )
        home = HomePage.objects.get(pk=home.pk)  # fresh: its tree fields changed with the copies
        if "Encuentre" not in str(home.body.raw_data):
            home.body = [
                (
                    "rich_text",
                    "<h2>Encuentre lo que le importa</h2><ul>"
                    f'<li><a linktype="page" id="{caregivers_es.pk}">{caregivers_es.title}</a></li></ul>',
                )
            ]
            home.save_revision().publish()
    index = UpdateIndexPage.objects.filter(locale__language_code="en").first()
    if index is None:
        return
    _spanish_copy(
        index,
        spanish,
        title="Novedades",
        intro="Noticias de la alianza. Puede seguirlas por RSS o Atom.",
    )
    for slug, (title, summary) in UPDATES_ES.items():
        update = UpdatePage.objects.filter(locale__language_code="en", slug=slug).first()
        if update is not None:
            _spanish_copy(update, spanish, title=title, summary=summary, body=_body(summary))
