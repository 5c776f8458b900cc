"""People, the stakeholder groups they belong to, and the regions they live in."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    # Under-13s never get an account; they take part only through invitation links.
    AGE_13_17 = "13-17", _("13 to 17")
    AGE_18_24 = "18-24", _("18 to 24")
    AGE_25_PLUS = "25+", _("25 or older")
    NOT_SAID = "", _("Prefer not to say")


class Region(models.Model):
    """A county or service region, used for targeting and breakdowns."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class StakeholderGroup(models.Model):
    """A community a person belongs to: foster parents and kin, youth, courts, tribes..."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    # Agency staff cannot be self-selected at sign-up; an administrator adds people.
    self_select = models.BooleanField(
        default=True, help_text="People may choose this group themselves when they sign up."
    )

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    """A portal account. E-mail is the login; `display_name` is all others ever see."""

    display_name = models.CharField(
        max_length=60,
        help_text="Shown next to what you write. Use a first name, initials or a nickname.",
    )
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    stakeholder_groups = models.ManyToManyField(
        StakeholderGroup,
        through="Membership",
        through_fields=("user", "group"),
        related_name="people",
        blank=True,
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text="The language the portal uses for this person's pages, e-mails and notifications.",
    )
    is_deidentified = models.BooleanField(
        default=False, help_text="The account was deleted; what it wrote stays, anonymised."
    )

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        if self.is_deidentified:
            return "Former participant"
        return self.display_name or "Participant"


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(StakeholderGroup, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(default=timezone.now)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="membership_unique"),
        ]
        ordering = ["group__sort_order", "group__name"]

    def __str__(self):
        return f"{self.user} in {self.group}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
