"""Who may read, edit and export the engagement registry: Django permissions only.

Engagement leads and Administrators edit (the data migration grants them add/change/delete);
Moderators, Editors, Facilitators and Survey analysts read (view_*); only leads and
Administrators export. Participants see only the public summary.
"""


def can_view_engagement(user) -> bool:
    return user.is_authenticated and user.has_perm("engagement.view_partner")


def can_edit_engagement(user) -> bool:
    return user.is_authenticated and user.has_perm("engagement.change_partner")


def can_export_engagement(user) -> bool:
    return user.is_authenticated and user.has_perm("engagement.export_partner")
