from django.urls import path

from . import views

app_name = "i18n"
urlpatterns = [
    path("<str:language>/", views.choose_language, name="choose"),
]
