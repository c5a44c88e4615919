"""The figures of bench/journey.py, kept apart from the load so that they can be tested: what a
request left (``Sample``), percentiles, the rows per step and overall, gunicorn's worker
timeouts, and the printed table.

No Django here: the script's parent process and the tests import it alone.
"""

import math
from dataclasses import asdict, dataclass

# The page every other one is measured against: one query through the whole middleware.
ONE_QUERY = "one-query"


@dataclass(frozen=True)
class Sample:
    """One request: its step, when it started and ended (seconds, ``time.monotonic``), its
    status (0 for a connection error) and whether the answer carried ``Retry-After``."""

    step: str
    started: float
    ended: float
    status: int
    retry_after: bool = False

    @property
    def ms(self) -> float:
        return (self.ended - self.started) * 1000

    @property
    def error(self) -> bool:
        """What the issue calls a failed request: a server error or no answer at all."""
        return self.status == 0 or self.status >= 500


def percentile(values, p: float) -> float | None:
    """The nearest-rank percentile (the smallest value with at least ``p`` % of the values at or
    below it); ``None`` for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def row(name: str, samples: list[Sample], seconds: float) -> dict:
    times = [s.ms for s in samples]
    return {
        "step": name,
        "requests": len(samples),
        "errors": sum(s.error for s in samples),
        "status_503": sum(s.status == 503 for s in samples),
        "status_503_retry_after": sum(s.status == 503 and s.retry_after for s in samples),
        "status_4xx": sum(400 <= s.status < 500 for s in samples),
        "rps": len(samples) / seconds if seconds > 0 else 0.0,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "p99_ms": percentile(times, 99),
    }


def summarize(samples: list[Sample], seconds: float) -> list[dict]:
    """A row per step (in the order steps first appear) and an ``all`` row."""
    steps: dict[str, list[Sample]] = {}
    for sample in samples:
        steps.setdefault(sample.step, []).append(sample)
    rows = [row(name, found, seconds) for name, found in steps.items()]
    return [*rows, row("all", samples, seconds)]


def with_ratios(rows: list[dict]) -> list[dict]:
    """Each row with ``of_one_query``: its requests per second as a share of the one-query
    page's in the same rows (``None`` without that page)."""
    base = next((r["rps"] for r in rows if r["step"] == ONE_QUERY), None)
    return [r | {"of_one_query": r["rps"] / base if base else None} for r in rows]


def errors_after(samples: list[Sample], instant: float) -> int:
    """Failed requests among those sent at or after ``instant`` (the database back)."""
    return sum(s.error for s in samples if s.started >= instant)


def worker_timeouts(log_text: str) -> int:
    """Gunicorn's arbiter logs ``[CRITICAL] WORKER TIMEOUT (pid:N)`` for each worker it kills."""
    return log_text.count("WORKER TIMEOUT")


def _ms(value) -> str:
    return "-" if value is None else f"{value:.0f}"


def table(rows: list[dict]) -> str:
    lines = [
        "| step | requests | errors | 503 | 4xx | req/s | of one-query "
        "| p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        ratio = r.get("of_one_query")
        ratio = "-" if ratio is None else f"{100 * ratio:.1f} %"
        lines.append(
            f"| {r['step']} | {r['requests']} | {r['errors']} | {r['status_503']} | "
            f"{r['status_4xx']} | {r['rps']:.1f} | {ratio} | {_ms(r['p50_ms'])} | "
            f"{_ms(r['p95_ms'])} | {_ms(r['p99_ms'])} |"
        )
    return "\n".join(lines)


def as_json(samples: list[Sample]) -> list[dict]:
    return [asdict(s) for s in samples]
