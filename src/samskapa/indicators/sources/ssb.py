"""Statistics Norway (SSB), Statistikkbanken through PxWebApi 2.0: Norwegian municipalities.

The API is the same PxWeb 2.0 Statistics Sweden runs (``GET /tables?query=``, ``GET
/tables/{id}/metadata``, ``POST /tables/{id}/data?outputFormat=json-stat2``, limits from
``GET /config``), at ``https://data.ssb.no/api/pxwebapi/v2``, in Norwegian (``lang=no``) or
English. Municipalities have four-digit codes (0301 Oslo); the whole country is ``0``.
SSB publishes under CC BY 4.0 and asks to be credited as the source.

This module is the whole of the source: its adapter is registered in ``registry.py``.
"""

from django.utils.translation import gettext_lazy as _

from samskapa.indicators.sources.base import Variable
from samskapa.indicators.sources.http import SourceHttp
from samskapa.indicators.sources.mapping import default_roles
from samskapa.indicators.sources.pxweb import PxWebAdapter, PxWebV2

# SSB's own variable codes for the breakdowns we understand, and what their values stand for
# (immigration category B: immigrants, that is born abroad of foreign-born parents).
KNOWN = {"Kjonn": ("sex", {"0": "total", "1": "men", "2": "women"}), "InnvandrKat": ("origin", {"B": "foreign"})}


def _client(http: SourceHttp) -> PxWebV2:
    return PxWebV2(http, language="no")


class SsbAdapter(PxWebAdapter):
    def guess_roles(self, variables: list[Variable]) -> dict[str, dict]:
        """Our general guess, plus SSB's codes for sex and for immigrants (category B) and the rest (A)."""
        roles = default_roles(variables)
        for variable in variables:
            if variable.code in KNOWN:
                role, meaning = KNOWN[variable.code]
                codes = {code for code, _label in variable.values}
                roles[variable.code] = {"role": role, "map": {c: v for c, v in meaning.items() if c in codes}}
        return roles


ADAPTER = SsbAdapter(
    key="ssb",
    label=_("Statistics Norway (PxWeb)"),
    name="SSB",
    country="NO",
    url_setting="SAMSKAPA_PXWEB_SSB_URL",
    default_url="https://data.ssb.no/api/pxwebapi/v2",
    national_area="0",
    make_client=_client,
    licence="Kilde: Statistisk sentralbyrå",  # CC BY 4.0: credit SSB, in its own words
    licence_language="no",
)
