from django.urls import path

from famiglie.views import (
    assessments,
    audit,
    cases,
    closure,
    desk,
    export,
    interventions,
    jobs,
    notes,
    plan,
)

app_name = "famiglie"

# Cases are addressed by their random code, households never: no name, no tax code, no
# sequential number in an address.
urlpatterns = [
    path("", cases.home, name="home"),
    path("casi/<str:code>/", cases.case_detail, name="case_detail"),
    path("casi/<str:code>/stato/", cases.case_move, name="case_move"),
    path("casi/<str:code>/chiusura/", closure.case_close, name="case_close"),
    path("casi/<str:code>/approvazione/", cases.case_decide, name="case_decide"),
    path("casi/<str:code>/equipe/", cases.case_team_assign, name="case_team_assign"),
    path(
        "casi/<str:code>/equipe/<int:pk>/rimuovi/",
        cases.case_team_remove,
        name="case_team_remove",
    ),
    path("casi/<str:code>/consensi/nuovo/", cases.consent_create, name="consent_create"),
    path(
        "casi/<str:code>/consensi/<int:pk>/revoca/",
        cases.consent_withdraw,
        name="consent_withdraw",
    ),
    path("casi/<str:code>/consensi/<int:pk>/modulo/", cases.consent_file, name="consent_file"),
    path(
        "casi/<str:code>/valutazioni/nuova/",
        assessments.assessment_create,
        name="assessment_create",
    ),
    path("casi/<str:code>/piano/obiettivi/nuovo/", plan.objective_create, name="objective_create"),
    path("casi/<str:code>/piano/obiettivi/<int:pk>/", plan.objective_edit, name="objective_edit"),
    path("casi/<str:code>/piano/verifiche/nuova/", plan.review_create, name="review_create"),
    path("casi/<str:code>/piano/verifiche/<int:pk>/", plan.review_hold, name="review_hold"),
    path(
        "casi/<str:code>/interventi/nuovo/",
        interventions.intervention_create,
        name="intervention_create",
    ),
    path("casi/<str:code>/lavoro/<int:pk>/", jobs.job_matches, name="job_matches"),
    path(
        "casi/<str:code>/lavoro/<int:pk>/competenze/",
        jobs.job_profile_edit,
        name="job_profile_edit",
    ),
    path("casi/<str:code>/diario/", notes.note_list, name="note_list"),
    path("casi/<str:code>/diario/nuova/", notes.note_create, name="note_create"),
    path("casi/<str:code>/segnala/", cases.case_refer, name="case_refer"),
    path("casi/<str:code>/esporta/", export.household_export, name="household_export"),
    path(
        "casi/<str:code>/esporta/stampa/",
        export.household_export_page,
        name="household_export_page",
    ),
    path("casi/<str:code>/registro/", audit.case_audit, name="case_audit"),
    path("equipe/<int:team>/registro/<int:user>/", audit.user_audit, name="user_audit"),
    path("da-accesso/<int:pk>/", desk.intake_from_access, name="intake_from_access"),
    path("segnalazioni/<uuid:uuid>/accetta/", desk.referral_accept, name="referral_accept"),
]
