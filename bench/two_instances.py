"""Two instances of the site on one database and one Redis: what one knows, the other knows.

    bench/two_instances.py 8741 8742      # two gunicorns already running (bench/settings.py)

Against two running instances (ports), as one browser with one address that alternates between
them: signs ``ente`` in on the first (the demo's password) and opens a signed-in page on the
second; signs out on the second and finds the first signed out too (sessions in the database);
then, from a fresh address, five wrong passwords for ``sportello`` alternating between the
instances, and the right one on
each: refused on both (django-axes counts in the database, the pair is locked for everyone).
Prints one line per check and exits 1 if one fails. Leaves an axes lockout for ``sportello``
from a 10.99.x.x address (the demo's; ``manage.py axes_reset`` clears it).
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.journey_http import Visitor, csrf  # noqa: E402

PASSWORD = "linkrete-demo"  # nosec B105 # the demo's accounts (settings.LINKRETE_DEMO_PASSWORD)


def sign_in(visitor, port, username, password):
    visitor.ports = [port]
    status, _h, text = visitor.get("sign-in", "/accesso/")
    fields = {"csrfmiddlewaretoken": csrf(text), "username": username, "password": password}
    status, headers, text = visitor.post("sign-in", "/accesso/", fields)
    return status, headers.get("Location", "") if headers else "", text


def main(first, second):
    samples, results = [], []

    def check(what, ok):
        results.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {what}")

    browser = Visitor(first, samples, address=f"10.98.{random.randrange(250)}.1")
    status, location, _t = sign_in(browser, first, "ente", PASSWORD)
    check(f"signed in on :{first} ({status} to {location})", status == 302)
    browser.ports = [second]
    status, headers, _t = browser.get("signed in", "/benvenuto/")  # to the role's home
    home = headers.get("Location", "") if headers else ""
    status, _h, text = browser.get("signed in", home or "/benvenuto/")
    check(f"the association's area {home} on :{second} answers {status}", status == 200)
    status, _h, _t = browser.post("sign out", "/esci/", {"csrfmiddlewaretoken": csrf(text)})
    browser.ports = [first]
    status, headers, _t = browser.get("signed out", home or "/benvenuto/")
    check(
        f"signed out on :{second}, :{first} sends to the sign-in ({status})",
        status == 302 and "/accesso/" in headers.get("Location", ""),
    )

    guesser = Visitor(
        first, samples, address=f"10.99.{random.randrange(250)}.{random.randrange(1, 250)}"
    )
    for attempt in range(5):
        port = (first, second)[attempt % 2]
        status, _l, _t = sign_in(guesser, port, "sportello", f"wrong-{attempt}")
        # The fifth failure locks the pair (django-axes' lockout page, 429).
        check(
            f"wrong password {attempt + 1} on :{port}: {status}", status == (200, 429)[attempt == 4]
        )
    for port in (first, second):
        status, location, text = sign_in(guesser, port, "sportello", PASSWORD)
        check(
            f"right password after five wrong ones on :{port}: refused ({status})",
            status != 302 and "/benvenuto/" not in location,
        )
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
