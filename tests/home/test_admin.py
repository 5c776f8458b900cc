import pytest

from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate

PAGE_TYPES = [
    "standardpage",
    "theoryofchangepage",
    "initiativeindexpage",
    "updateindexpage",
    "audiencepage",
    "resourceindexpage",
    "eventindexpage",
]


@pytest.fixture
def admin_client(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    totp_activate(user=user, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES)
def test_editors_can_open_the_create_form_for_each_page_type(admin_client, home_page, model):
    response = admin_client.get(f"/admin/pages/add/home/{model}/{home_page.pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_child_page_forms_open(admin_client, initiative_index, update_index, event_index, initiative):
    for model, parent in [
        ("initiativepage", initiative_index),
        ("updatepage", update_index),
        ("eventpage", event_index),
    ]:
        assert admin_client.get(f"/admin/pages/add/home/{model}/{parent.pk}/").status_code == 200
    assert admin_client.get(f"/admin/pages/{initiative.pk}/edit/").status_code == 200
