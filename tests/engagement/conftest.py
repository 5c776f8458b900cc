import pytest

from engagement.factories import EngagementActionFactory, PartnerFactory
from engagement.models import PhaseInvolvement
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
ROLES = {
    "lead": "Engagement leads",
    "administrator": "Administrators",
    "moderator": "Moderators",
    "editor": "Editors",
    "facilitator": "Facilitators",
    "analyst": "Survey analysts",
}


@pytest.fixture
def person_in_role(db):
    def _make(role):
        if role == "anonymous":
            return None
        if role == "participant":
            return UserFactory()
        person = UserFactory(roles=[ROLES[role]])
        totp_activate(user=person, secret=SECRET)
        return person

    return _make


@pytest.fixture
def lead(person_in_role):
    return person_in_role("lead")


@pytest.fixture
def make_partners(db):
    def _make(n, **kwargs):
        partners = PartnerFactory.create_batch(n, **kwargs)
        for p in partners:
            PhaseInvolvement.objects.create(partner=p, phase="pip-development", level=2)
            EngagementActionFactory(partner=p)
        return partners

    return _make
