"""Static checks on the templates that the test client would not catch."""

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
APPS = ["directory", "sportelli", "famiglie", "linkrete"]
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


def test_every_template_sits_in_the_one_template_root():
    """An app's own templates/ folder escapes the checks here, which walk templates/ only."""
    strays = [
        str(folder.relative_to(ROOT))
        for app in APPS
        for folder in (ROOT / app).rglob("templates")
        if folder.is_dir()
    ]
    assert not strays, strays


# What a translator never sees: tags, variables, comments, and whole blocktranslate blocks.
UNTRANSLATED_AWAY = re.compile(
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}"
    r"|{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}"
    r"|{%.*?%}|{{.*?}}|{#.*?#}",
    re.S,
)
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}
WORD = re.compile(r"[^\W\d_]{2}")


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        self.found += [
            f"{k}={v}" for k, v in attrs if k in READ_ATTRIBUTES and WORD.search(v or "")
        ]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden and WORD.search(data):
            self.found.append(data.strip())


def test_no_words_in_a_page_template_escape_translation():
    """Words a visitor reads (text, alt, title, aria-label, placeholder) come from the
    catalogue: written bare in a template, they would show in English on the Italian site."""
    offenders = {}
    for template in TEMPLATES.rglob("*.html"):
        if template.relative_to(TEMPLATES).parts[0] in ("admin", "bootstrap5"):
            continue  # Django's and crispy's overrides: their words come from their catalogues
        parser = _VisibleText()
        parser.feed(UNTRANSLATED_AWAY.sub(" ", template.read_text()))
        if parser.found:
            offenders[str(template.relative_to(TEMPLATES))] = parser.found
    assert not offenders, offenders
