"""One path for every small POST of the agenda pages: validate the form, call the service, turn
its refusal into a clear message (on the form, so what was typed stays), or say it worked."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from .services import NotAllowed


def _form_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
        form.add_error(None, error)
    else:
        form.add_error(None, " ".join(error.messages))


def run(request, action: Callable[[], object], success: str) -> bool:
    """For a POST with no typed text (a button): the answer is a message on the next page."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
        return True
    return False


def submit(request, form, *, action: Callable[..., object], success: str, done_url: str, again: Callable):
    """For a POST with typed text: on success a message and `done_url`; otherwise `again(form)`
    renders the page once more with the form bound, its errors shown next to what was typed."""
    if form.is_valid():
        try:
            action(**form.cleaned_data)
        except ValidationError as error:
            _form_error(form, error)
        except NotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(done_url)
    return again(form)
