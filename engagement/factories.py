import factory

from .models import EngagementAction, Partner
from .vocabulary import Method, PartnerKind


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = PartnerKind.PROVIDER


class EngagementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EngagementAction

    partner = factory.SubFactory(PartnerFactory)
    method = Method.MEETING
    description = "Listening session"
    due_on = factory.Faker("date_between", start_date="-30d", end_date="+60d")
