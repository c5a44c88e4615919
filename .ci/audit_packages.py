"""pip-audit of the installed environment, for .ci/run: fails only on a vulnerability found.

Run with the virtualenv's Python (``.venv/bin/python .ci/audit_packages.py``). First a short
request tells whether a vulnerability service answers: PyPI's JSON API for the installed
Django (pip-audit's default service), else OSV. With neither, it says so and passes: an
unreachable service is not a vulnerability. Then pip-audit audits every installed package
but the editable project itself, and this prints what it found, how many packages it could
audit and how many it skipped (a package the service does not know).
"""

import json
import subprocess  # nosec B404 # runs pip-audit, a fixed command of this virtualenv
import sys
import tempfile
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

PROBE_SECONDS = 10
OSV_QUERY = "https://api.osv.dev/v1/query"


def answers(request) -> str:
    """'' when the request answers 200, else what went wrong, in a few words."""
    try:
        with urllib.request.urlopen(request, timeout=PROBE_SECONDS) as response:  # nosec B310 # fixed https URLs
            return "" if response.status == 200 else f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return str(getattr(error, "reason", error))


def reachable_service() -> tuple[str | None, list[str]]:
    """The service pip-audit can use ('pypi', 'osv' or None) and why the others cannot."""
    django = version("Django")
    problems = []
    problem = answers(f"https://pypi.org/pypi/Django/{django}/json")
    if not problem:
        return "pypi", problems
    problems.append(f"PyPI's JSON API for Django {django}: {problem}")
    query = json.dumps({"package": {"name": "django", "ecosystem": "PyPI"}, "version": django})
    request = urllib.request.Request(
        OSV_QUERY, data=query.encode(), headers={"Content-Type": "application/json"}
    )
    problem = answers(request)
    if not problem:
        return "osv", problems
    problems.append(f"OSV: {problem}")
    return None, problems


def main() -> int:
    service, problems = reachable_service()
    for problem in problems:
        print(f"pip-audit: {problem}")
    if service is None:
        print("pip-audit: skipped: no vulnerability service reachable")
        return 0
    with tempfile.TemporaryDirectory() as directory:
        report = Path(directory) / "pip-audit.json"
        command = [
            *(sys.executable, "-m", "pip_audit", "--skip-editable"),
            *("--vulnerability-service", service, "--progress-spinner", "off"),
            *("--format", "json", "--output", str(report)),
        ]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)  # nosec B603 # fixed command
        if not report.exists():
            print(finished.stderr.strip())
            print(f"pip-audit: could not finish against {service} (exit {finished.returncode})")
            return 0
        dependencies = json.loads(report.read_text())["dependencies"]
    skipped = [d for d in dependencies if "skip_reason" in d]
    found = [(d, vuln) for d in dependencies for vuln in d.get("vulns", ())]
    for dependency, vuln in found:
        fixed = ", ".join(vuln.get("fix_versions", ())) or "no fixed version"
        print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    print(
        f"pip-audit against {service}: {len(dependencies)} packages, "
        f"{len(dependencies) - len(skipped)} audited, {len(skipped)} skipped "
        f"(unknown to the service), {len(found)} known vulnerabilities"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
