"""Static checks on the templates that the test client would not catch."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
INCLUDE_ONLY = re.compile(r'{%\s*include\s+"([^"]+)"([^%]*)\bonly\s*%}')


def test_partials_with_a_form_get_the_csrf_token_when_included_with_only():
    """``only`` hides csrf_token from the partial, and the test client does not check CSRF:
    a form there would fail for every real visitor: pass ``csrf_token=csrf_token``."""
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        for line_number, line in enumerate(template.read_text().splitlines(), start=1):
            for partial, arguments in INCLUDE_ONLY.findall(line):
                partial_path = TEMPLATES / partial
                if not partial_path.exists() or "{% csrf_token %}" not in partial_path.read_text():
                    continue
                if "csrf_token=csrf_token" in arguments:
                    continue
                offenders.append(f"{template.relative_to(TEMPLATES)}:{line_number} {partial}")
    assert not offenders, offenders
