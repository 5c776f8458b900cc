import pytest
from django.urls import reverse

from .cqi_data import build

PANELS = ["participation", "representation", "responsiveness", "feedback", "progress"]


@pytest.mark.django_db
@pytest.mark.parametrize("key", PANELS)
def test_panel_renders(client, lead, key):
    build()
    client.force_login(lead)
    response = client.get(reverse("engagement_admin:cqi", args=[key]))
    assert response.status_code == 200
    for fmt in ("csv", "xlsx"):
        assert client.get(reverse("engagement_admin:cqi_export", args=[key, fmt])).status_code == 200
