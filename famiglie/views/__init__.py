"""Pages of family cases. Every one is for people who work on cases: the decorator below
answers 404 to anyone who works on none, and sends those who have not given the second
factor this session to give it, and starts the idle timeout (a person put on a team after
signing in included)."""

from functools import wraps

from django.http import Http404

from famiglie.access import works_on_cases
from linkrete.accounts import session_lifetimes
from linkrete.accounts.second_factor import SESSION_KEY
from linkrete.accounts.second_factor.middleware import redirect_to_second_factor


def case_worker_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not works_on_cases(user):
            raise Http404
        if not request.session.get(session_lifetimes.IDLE_KEY):
            session_lifetimes.start_idle_timeout(request.session)
        if not user.is_verified():
            request.session[SESSION_KEY] = True
            return redirect_to_second_factor(request)
        return view(request, *args, **kwargs)

    return wrapper


def posted_form_errors(form, error) -> None:
    """A service's ValidationError onto the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
