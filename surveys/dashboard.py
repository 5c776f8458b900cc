"""The analysts' panel on the Wagtail dashboard: open surveys, responses so far, closing dates."""

from wagtail.admin.ui.components import Component

from .permissions import can_view_results
from .results.aggregate import suppression_threshold
from .selectors import open_surveys_overview


class OpenSurveysPanel(Component):
    name = "open_surveys"
    template_name = "surveys/admin/open_surveys_panel.html"
    order = 70

    def __init__(self, rows, threshold: int):
        self.rows = rows
        self.threshold = threshold

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(rows=self.rows, threshold=self.threshold)
        return context


def add_open_surveys_panel(request, panels) -> None:
    """Only for people who may read results; the counts are suppressed like the results page."""
    if not can_view_results(request.user):
        return
    threshold = suppression_threshold()
    panels.append(OpenSurveysPanel(open_surveys_overview(threshold=threshold), threshold))
