"""Public volunteering calls: a list, a page per call and the application form.

What applicants send is personal data: it is shown only in the organization's signed-in area,
never echoed on these pages, and these pages are not in the sitemap with applicant data.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters

from directory.models import Application, VolunteeringCall
from linkrete.throttle import over_limit

APPLICATIONS_PER_HOUR = 5


class ApplicationForm(forms.ModelForm):
    privacy_consent = forms.BooleanField(
        label=gettext_lazy(
            "I have read the privacy notice and agree that the organization uses these data "
            "to contact me about this call."
        ),
        required=True,
    )

    class Meta:
        model = Application
        fields = ["first_name", "last_name", "email", "phone", "birth_date", "message"]
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["birth_date"].widget.attrs["autocomplete"] = "bday"

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if born > today or age > 120:
            raise forms.ValidationError(_("Check the date of birth."))
        if age < self.call.min_age:
            raise forms.ValidationError(
                _("This call is for people aged %(age)s or more.") % {"age": self.call.min_age}
            )
        return born

    def save(self, commit=True):
        self.instance.call = self.call
        self.instance.privacy_consent_at = timezone.now()
        return super().save(commit)


@login_not_required
def call_list(request):
    calls = (
        VolunteeringCall.objects.public()
        .select_related("organization", "municipality")
        .order_by("deadline", "-created_at")
    )
    return render(request, "directory/call_list.html", {"calls": calls})


@login_not_required
# Error reports (and the DEBUG page) hide what applicants typed.
@sensitive_post_parameters()
def call_detail(request, slug):
    call = get_object_or_404(
        VolunteeringCall.objects.public().select_related("organization", "municipality"),
        slug=slug,
    )
    form = ApplicationForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "volunteering-application", APPLICATIONS_PER_HOUR):
            messages.error(
                request,
                _("Many applications were sent from here in a short time: please try later."),
            )
            return render(
                request, "directory/call_detail.html", {"call": call, "form": form}, status=429
            )
        form.save()
        messages.success(
            request,
            _("Thank you! %(organization)s has your application and will contact you.")
            % {"organization": call.organization},
        )
        return redirect(call.get_absolute_url())
    return render(request, "directory/call_detail.html", {"call": call, "form": form})


urlpatterns = [
    path("volontariato/", call_list, name="call_list"),
    path("volontariato/<slug:slug>/", call_detail, name="call_detail"),
]
