def test_home_opens_and_is_accessible(page, assert_accessible):
    page.goto("/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
