"""Factories for people and groups, used by tests and by the demo loader."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import Membership, Region, StakeholderGroup, User

DEFAULT_PASSWORD = "portal-demo-2026"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class StakeholderGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stakeholder group {n}")
    slug = factory.Sequence(lambda n: f"stakeholder-group-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified primary e-mail address (allauth's record included)."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    display_name = factory.Faker("first_name")
    age_band = "25+"
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    class Params:
        verified = True

    @factory.post_generation
    def email_address(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.update_or_create(
                user=obj,
                email=obj.email,
                defaults={"verified": kwargs.get("verified", True), "primary": True},
            )

    @factory.post_generation
    def roles(obj, create, extracted, **kwargs):
        """`UserFactory(roles=["Moderators"])` puts the user in those staff groups."""
        if create and extracted:
            obj.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def stakeholder_groups(obj, create, extracted, **kwargs):
        """`UserFactory(stakeholder_groups=[group])` makes memberships."""
        if create and extracted:
            for group in extracted:
                Membership.objects.get_or_create(user=obj, group=group)


class UnverifiedUserFactory(UserFactory):
    email_address__verified = False


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    group = factory.SubFactory(StakeholderGroupFactory)
