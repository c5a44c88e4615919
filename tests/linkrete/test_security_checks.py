"""The security checks of .ci/run: pip-audit failing only on a vulnerability found (never on an
unreachable service), and one of bandit's fixes. bandit itself runs in .ci/run."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

from directory.search.statistics import most_common_sql

ROOT = Path(__file__).resolve().parents[2]


def _audit_packages():
    spec = importlib.util.spec_from_file_location("audit_packages", ROOT / ".ci/audit_packages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report(dependencies):
    """A stand-in for pip-audit writing these dependencies to its JSON report."""

    def run(command, **kwargs):
        output = Path(command[command.index("--output") + 1])
        output.write_text(json.dumps({"dependencies": dependencies}))
        return subprocess.CompletedProcess(command, 1, "", "")

    return run


def test_pip_audit_skipped_when_no_service_answers(monkeypatch, capsys):
    audit = _audit_packages()
    monkeypatch.setattr(audit, "answers", lambda request: "HTTP 404")
    monkeypatch.setattr(audit.subprocess, "run", pytest.fail)

    assert audit.main() == 0
    assert "skipped: no vulnerability service reachable" in capsys.readouterr().out


def test_pip_audit_fails_on_a_vulnerability_only(monkeypatch, capsys):
    audit = _audit_packages()
    monkeypatch.setattr(audit, "answers", lambda request: "")
    clean = [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {"name": "private", "skip_reason": "Dependency not found on PyPI"},
    ]
    monkeypatch.setattr(audit.subprocess, "run", _report(clean))

    assert audit.main() == 0
    assert "2 packages, 1 audited, 1 skipped" in capsys.readouterr().out

    vulnerable = [
        {"name": "django", "version": "5.2.19", "vulns": [{"id": "PYSEC-1", "fix_versions": ["6"]}]}
    ]
    monkeypatch.setattr(audit.subprocess, "run", _report(vulnerable))

    assert audit.main() == 1
    assert "django 5.2.19: PYSEC-1 (fixed in 6)" in capsys.readouterr().out


def test_most_common_sql_takes_identifiers_only():
    assert "s.attname = 'search_tags'" in most_common_sql("search_tags", "int")
    with pytest.raises(ValueError):
        most_common_sql("x' OR '1'='1", "int")
