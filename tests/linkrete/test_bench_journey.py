"""bench/journey.py's figures: percentiles, the rows, the failed requests, the ratio to the
one-query page, gunicorn's timeouts and the read-back form (no server, no database)."""

from bench.journey_http import choices, main_form
from bench.journey_stats import (
    Sample,
    errors_after,
    percentile,
    summarize,
    table,
    with_ratios,
    worker_timeouts,
)


def test_nearest_rank_percentiles():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile(values, 100) == 100
    assert percentile([7, 3], 50) == 3
    assert percentile([7, 3], 99) == 7
    assert percentile([5], 99) == 5
    assert percentile([], 50) is None


def sample(step, start, ms, status=200):
    return Sample(step, start, start + ms / 1000, status)


def test_rows_per_step_and_overall_count_server_errors_and_no_answer_as_errors():
    samples = [
        sample("search", 0, 100),
        sample("search", 1, 300, 503),
        sample("detail", 2, 200, 0),  # connection refused
        sample("detail", 3, 50, 404),
    ]
    rows = {r["step"]: r for r in summarize(samples, seconds=2)}

    assert list(rows) == ["search", "detail", "all"]
    assert (rows["search"]["requests"], rows["search"]["errors"], rows["search"]["status_503"]) == (
        2,
        1,
        1,
    )
    assert rows["detail"]["errors"] == 1 and rows["detail"]["status_4xx"] == 1
    assert rows["all"]["requests"] == 4 and rows["all"]["errors"] == 2
    assert rows["all"]["rps"] == 2.0
    assert round(rows["search"]["p99_ms"]) == 300 and round(rows["search"]["p50_ms"]) == 100
    assert errors_after(samples, 1.5) == 1


def test_each_page_as_a_share_of_the_one_query_page():
    rows = with_ratios(
        [
            {"step": "one-query", "rps": 200.0},
            {"step": "search", "rps": 50.0},
        ]
    )
    assert [r["of_one_query"] for r in rows] == [1.0, 0.25]
    assert with_ratios([{"step": "search", "rps": 5.0}])[0]["of_one_query"] is None


def test_the_table_prints_every_row():
    text = table(with_ratios(summarize([sample("one-query", 0, 10)], seconds=1)))
    assert "| one-query | 1 | 0 | 0 | 0 | 1.0 | 100.0 % | 10 | 10 | 10 |" in text


def test_worker_timeouts_are_read_from_gunicorns_log():
    log = (
        "[2026-12-03 10:00:00 +0000] [12] [CRITICAL] WORKER TIMEOUT (pid:13)\n"
        "[2026-12-03 10:00:01 +0000] [13] [INFO] Worker exiting (pid: 13)\n"
        "[2026-12-03 10:00:09 +0000] [12] [CRITICAL] WORKER TIMEOUT (pid:14)\n"
    )
    assert worker_timeouts(log) == 2
    assert worker_timeouts("") == 0


def test_the_edit_form_is_read_back_as_a_browser_would_post_it():
    html = """
    <form method="post" action="/lingua/"><input name="language" value="en"></form>
    <form method="post">
      <input type="hidden" name="csrfmiddlewaretoken" value="tok">
      <input name="title" value="Doposcuola &amp; compiti">
      <input type="checkbox" name="free" checked>
      <input type="checkbox" name="online">
      <input type="radio" name="kind" value="a"><input type="radio" name="kind" value="b" checked>
      <select name="category"><option value="">-</option>
        <option value="3" selected>x</option></select>
      <select name="age"><option value="1">1</option><option value="2">2</option></select>
      <select name="days" multiple><option value="1" selected><option value="2" selected></select>
      <textarea name="description">
Testo</textarea>
      <input type="file" name="image"><button type="submit" name="save">Salva</button>
    </form>
    """
    assert main_form(html) == [
        ("csrfmiddlewaretoken", "tok"),
        ("title", "Doposcuola & compiti"),
        ("free", "on"),
        ("kind", "b"),
        ("category", "3"),
        ("age", "1"),
        ("days", "1"),
        ("days", "2"),
        ("description", "Testo"),
    ]
    assert choices(html, "kind") == ["a", "b"]


def test_the_mails_are_counted_per_booking_from_the_file_backends_files(tmp_path, settings):
    """Two workers must not send one confirmation twice: the journey counts the mails each
    booking had, whichever worker wrote them, from Django's file backend."""
    from django.core.mail import EmailMessage, get_connection

    from bench.journey import mails_per_booking

    settings.EMAIL_FILE_PATH = str(tmp_path)
    backend = "django.core.mail.backends.filebased.EmailBackend"
    subject = "Il tuo appuntamento presso Sportello di prossimità Rho centro, codice {}"
    # One connection a worker's batch, one file each; the third sends the first one again.
    for code in ["AAAA1111", "BBBB2222", "AAAA1111"]:
        with get_connection(backend) as connection:
            connection.send_messages(
                [
                    EmailMessage(
                        subject.format(code), "testo", to=["journey-120000-1@example.invalid"]
                    ),
                    EmailMessage("Altro", "testo", to=["someone@example.invalid"]),
                ]
            )
    counts = mails_per_booking(tmp_path, "120000")
    assert sorted(counts.values()) == [1, 2]
    assert sum(n > 1 for n in counts.values()) == 1
