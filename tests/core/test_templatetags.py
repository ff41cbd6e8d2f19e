from django.template import Context, Template


def render(code: str) -> str:
    return Template("{% load samskapa %}<p {% lang_attrs code %}>x</p>").render(Context({"code": code}))


def test_arabic_and_persian_content_is_right_to_left():
    assert render("ar") == '<p lang="ar" dir="rtl">x</p>'
    assert render("fa") == '<p lang="fa" dir="rtl">x</p>'


def test_swedish_content_is_left_to_right_and_codes_are_escaped():
    assert render("sv") == '<p lang="sv" dir="ltr">x</p>'
    assert "<script>" not in render('"><script>')
