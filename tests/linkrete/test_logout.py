"""Signing out lands on the site's own page, in the site's layout, not on the admin's."""

from django.urls import reverse


def test_signing_out_shows_the_sites_page_with_links_home_and_to_sign_in(client, staff):
    client.force_login(staff)

    response = client.post(reverse("logout"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hai chiuso la sessione" in html
    assert 'id="footer"' in html and 'class="it-header-wrapper' in html
    assert f'href="{reverse("directory:home")}"' in html
    assert f'href="{reverse("login")}"' in html
    assert "admin" not in [t.name.split("/")[0] for t in response.templates]
    assert "Thanks for spending" not in html and "Grazie per aver speso" not in html
    assert "_auth_user_id" not in client.session


def test_the_admin_sign_out_shows_the_same_page(client, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("admin:logout"))

    assert response.status_code == 200
    assert "registration/logged_out.html" in [t.name for t in response.templates]
    assert "admin/base_site.html" not in [t.name for t in response.templates]
    assert f'href="{reverse("login")}"' in response.content.decode()


def test_signing_out_in_english_speaks_english(client, staff):
    client.force_login(staff)

    response = client.post("/en/esci/")

    assert "You have signed out" in response.content.decode()
