from wagtail import hooks

from .choosers import person_chooser_viewset
from .viewsets import PeopleViewSetGroup


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser_viewset


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action("accounts.membership_verify", "Confirm membership", "Membership confirmed")
    actions.register_action(
        "accounts.membership_unverify", "Remove membership confirmation", "Membership confirmation removed"
    )
