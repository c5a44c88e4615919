"""Enrolment, verification at sign-in and recovery codes (see the package's docstring)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkrete.accounts.second_factor import SESSION_KEY, devices, must_use_second_factor
from linkrete.accounts.second_factor.forms import AuthenticatorCodeForm, CodeForm

# New recovery codes wait here between the POST that makes them and the page that shows them.
NEW_CODES_KEY = "second_factor_new_codes"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, request) -> str:
    return f"{resolve_url(name)}?{urlencode({'next': _next_url(request)})}"


def _throttled_message(device) -> str | None:
    allowed, data = device.verify_is_allowed()
    if allowed:
        return None
    return _("Too many wrong codes: wait a minute, then try again.")


@never_cache
def overview(request):
    user = request.user
    return render(
        request,
        "registration/second_factor/overview.html",
        {
            "active": devices.has_device(user),
            "required": must_use_second_factor(user),
            "codes_left": devices.recovery_codes_left(user),
        },
    )


@never_cache
def enrol(request):
    user = request.user
    if devices.has_device(user):
        # Replacing a device needs the current one: a stolen password is not enough.
        if user.is_verified():
            return redirect("second_factor:overview")
        return redirect(_with_next("second_factor:verify", request))
    device = devices.pending_authenticator(user)
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _throttled_message(device)
        if error:
            form.add_error("code", error)
        elif device.verify_token(form.cleaned_data["code"]):
            codes = devices.confirm_authenticator(device)
            otp_login(request, device)
            request.session[SESSION_KEY] = True
            request.session[NEW_CODES_KEY] = codes
            messages.success(request, _("The second factor is on."))
            return redirect(_with_next("second_factor:recovery_codes", request))
        else:
            form.add_error(
                "code",
                _(
                    "That code is not right. Check that the phone's clock is set automatically "
                    "and type the code the app shows now."
                ),
            )
    return render(
        request,
        "registration/second_factor/enrol.html",
        {
            "form": form,
            "qr_code": devices.qr_code_svg(device),
            "key": devices.key_text(device),
            "required": must_use_second_factor(user),
            "next": _next_url(request),
        },
    )


@never_cache
def verify(request):
    user = request.user
    if not devices.has_device(user):
        return redirect("second_factor:enrol")
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        model = TOTPDevice if len(code) == 6 else StaticDevice
        device = model.objects.filter(user=user, confirmed=True).first()
        error = _throttled_message(device) if device else None
        if error:
            form.add_error("code", error)
        elif device and device.verify_token(code):
            otp_login(request, device)
            if model is StaticDevice:
                left = devices.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code: %(count)d left. Make new ones from "
                        "“Second factor”.",
                        "You used a recovery code: %(count)d left. Make new ones from "
                        "“Second factor”.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        else:
            form.add_error("code", _("That code is not right, or it has already been used."))
    return render(
        request,
        "registration/second_factor/verify.html",
        {"form": form, "next": _next_url(request)},
    )


@never_cache
def recovery_codes(request):
    user = request.user
    if not devices.has_device(user):
        return redirect("second_factor:enrol")
    if request.method == "POST":
        if not user.is_verified():
            return redirect("second_factor:verify")
        request.session[NEW_CODES_KEY] = devices.new_recovery_codes(user)
        return redirect("second_factor:recovery_codes")
    codes = request.session.pop(NEW_CODES_KEY, None)
    return render(
        request,
        "registration/second_factor/recovery_codes.html",
        {
            "codes": codes,
            "codes_left": devices.recovery_codes_left(user),
            "next": _next_url(request),
        },
    )
