"""Address parts of the public pages."""

from django.urls import register_converter


class LanguageConverter:
    """A language code in an address: two or three small letters (sv, fi, ar, smj)."""

    regex = "[a-z]{2,3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LanguageConverter, "lang")
