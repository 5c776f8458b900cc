from django.apps import apps
from wagtail.admin.panels import PageChooserPanel


class OptionalPageTypeChooserPanel(PageChooserPanel):
    """A page chooser limited to a page type that another app may not have shipped yet.

    Until `home.InitiativePage` exists the chooser offers any page; once it lands, only it.
    """

    def get_form_options(self):
        if self.page_type:
            app_label, model_name = self.page_type.split(".")
            try:
                apps.get_model(app_label, model_name)
            except LookupError:
                self.page_type = None
        return super().get_form_options()
