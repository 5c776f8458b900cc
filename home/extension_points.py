"""Hooks through which other apps add to content pages without home importing them.

INITIATIVE_RELATED: forums and surveys show their workgroups and surveys on an initiative.
Register in your app's `wagtail_hooks.py`:

    from wagtail import hooks
    from home.extension_points import INITIATIVE_RELATED
    from portal.extension_points import Panel

    @hooks.register(INITIATIVE_RELATED)
    def related_workgroups(request, initiative):
        workgroups = ...  # one query, whatever the number of workgroups
        if not workgroups:
            return None
        return Panel(title="Workgroups", template="forums/panels/initiative_workgroups.html",
                     context={"workgroups": workgroups}, order=10)

The panel's template gets its `context`, plus `panel` and `initiative`.
"""

from wagtail import hooks

from portal.extension_points import Panel

# fn(request, initiative: home.models.InitiativePage) -> Panel | None
INITIATIVE_RELATED = "portal_initiative_related"


def collect_initiative_related(request, initiative) -> list[Panel]:
    panels = [fn(request, initiative) for fn in hooks.get_hooks(INITIATIVE_RELATED)]
    return sorted((p for p in panels if p is not None), key=lambda p: p.order)
