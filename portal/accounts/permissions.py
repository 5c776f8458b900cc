"""Who counts as agency staff, in one place."""


def user_is_staff_member(user) -> bool:
    """Staff are people who may enter the Wagtail admin (every staff role may)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")
