"""The needs survey of a network's bodies (LINK's first phase; issue 14).

- ``forms.py``: the round and its questionnaire (coordinators), the answer form built from the
  questions (members' staff).
- ``services.py``: the writes (a round with its questions, an organization's answer).
- ``results.py``: the answers aggregated by zone or area, as ``Indicator`` tables the dashboard's
  chart, page fragment and exports already know (the CSV suppresses counts under five).

The views: ``directory/staff/views/surveys.py`` (coordinators) and
``directory/staff/views/survey_answers.py`` (the organizations).
"""
