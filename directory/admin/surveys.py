"""The needs survey's rounds and answers in the admin, for the coordinators of their networks
(``ScopedAdmin``). The coordination pages (``/area-enti/reti/<slug>/indagini/``) are where a
round is usually written; the admin is for corrections. A response's answers are shown, not
changed here: they are the organization's."""

from django.contrib import admin
from django.db.models import Count

from directory.models import SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyRound
from linkrete.admin_scope import ScopedAdmin, ScopedChoicesInline


class SurveyQuestionInline(ScopedChoicesInline, admin.StackedInline):
    model = SurveyQuestion
    extra = 0
    fields = ["position", "text", "kind", "choices", "required"]


@admin.register(SurveyRound)
class SurveyRoundAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "network", "opens_on", "closes_on", "response_count"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "network__name"]
    list_select_related = ["network"]
    fields = ["network", "title", "opens_on", "closes_on"]
    inlines = [SurveyQuestionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(response_count=Count("responses"))

    @admin.display(description=SurveyResponse._meta.verbose_name_plural, ordering="response_count")
    def response_count(self, survey_round):
        return survey_round.response_count


class SurveyAnswerInline(admin.TabularInline):
    model = SurveyAnswer
    extra = 0
    fields = ["question", "chosen", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")


@admin.register(SurveyResponse)
class SurveyResponseAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["organization", "round", "submitted_at", "updated_at"]
    list_filter = [("round__network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["organization__name", "round__title"]
    list_select_related = ["organization", "round"]
    fields = ["round", "organization", "submitted_at", "updated_at"]
    readonly_fields = fields
    inlines = [SurveyAnswerInline]

    def has_add_permission(self, request):
        return False
