"""Signing a test client in as a user, the way the sign-in pages leave the session."""


def sign_in(client, user) -> None:
    client.force_login(user)
