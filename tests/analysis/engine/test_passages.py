"""Passages as a reader cuts them, and the parts of a document that are never evidence."""

from __future__ import annotations

from samskapa.analysis.engine import analyse_bytes
from samskapa.analysis.engine.passages import sentences, split_long
from samskapa.analysis.engine.shapes import kind_of
from samskapa.analysis.engine.text import word_count

# A programme exported as text, one chapter in a single block of some 1,800 characters (our own words).
LONG_BLOCK = (
    "Kotouttamisohjelma koskee kaikkia kaupunkiin muuttaneita maahanmuuttajia ja sen voimassaoloaika on 2018–2021. "
    "Ohjelma tarkistetaan vähintään neljän vuoden välein, ja sen toteutumista seurataan vuosittain. "
    "Suomen kielen opetusta järjestetään aikuisille päivällä ja illalla, ja odotusajat kursseille lyhennetään. "
    "Työllisyyspalvelut auttavat maahanmuuttajia löytämään työpaikan ja harjoittelupaikkoja yhdessä yritysten kanssa. "
    "Vuokra-asuntoja on liian vähän, ja asuinalueiden eriytyminen on kasvanut viime vuosina. "
    "Terveyspalveluissa kiinnitetään huomiota mielenterveyteen ja traumojen hoitoon. "
    "Järjestöt ja seurakunnat järjestävät kohtaamispaikkoja, kerhoja ja vapaaehtoistoimintaa. "
    "Neuvontapalvelu antaa tietoa palveluista monella kielellä ja tulkkausta on saatavilla. "
    "Kaupunki tekee yhteistyötä TE-toimiston, järjestöjen ja yritysten kanssa ohjelman toimeenpanossa. "
    "Syrjintää ja rasismia vastaan toimitaan kaikissa palveluissa ja henkilöstöä koulutetaan. "
    "Lasten ja nuorten harrastuksia tuetaan, ja koulut tekevät yhteistyötä perheiden kanssa. "
    "Ohjelman toteutumista arvioidaan mittareilla, ja tulokset raportoidaan kaupunginvaltuustolle. "
    "Aikuisten perusopetus ja ammatillinen koulutus tarjoavat polkuja jatko-opintoihin ja työelämään. "
    "Kotoutumisen alkuvaiheessa jokaiselle tehdään alkukartoitus, jossa selvitetään osaaminen ja tavoitteet. "
    "Perheiden kotoutumista tuetaan kotikäynneillä, vanhempainryhmillä ja varhaiskasvatuksen ohjauksella. "
    "Yhdistysten toimintaa tuetaan avustuksilla, jotta maahanmuuttajat löytävät harrastuksia ja ystäviä. "
    "Kaupungin työntekijät saavat koulutusta kulttuurien välisestä osaamisesta ja selkokielestä."
)


def test_a_long_block_becomes_several_passages_of_whole_sentences():
    assert len(LONG_BLOCK) > 1500
    parts = split_long(LONG_BLOCK)
    assert len(parts) >= 4
    assert all(word_count(p) <= 60 for p in parts)
    assert " ".join(parts) == LONG_BLOCK


def test_abbreviations_do_not_end_a_sentence():
    assert sentences("Vi samarbetar bl.a. Med föreningar. Det ger resultat.") == [
        "Vi samarbetar bl.a. Med föreningar.",
        "Det ger resultat.",
    ]


def test_the_espoo_case_finds_its_areas_its_period_and_its_revision_cycle():
    report = analyse_bytes(("Kotouttamisohjelma\n\n" + LONG_BLOCK).encode(), "ohjelma.txt")
    covered = {c for c, a in report.areas.items() if a.status != "missing"}
    assert len(report.passages) >= 5
    assert {"EDU", "EMP", "HOU", "MON"} <= covered
    assert report.elements["timeline"].present
    assert report.elements["revision_or_evaluation_date"].present


def test_captions_disclaimers_page_numbers_and_boilerplate_are_recognised():
    assert kind_of("Bild 3: Elever i förskolan lär sig svenska tillsammans.") == "caption"
    assert kind_of("Foto: Anna Andersson") == "caption"
    assert kind_of("Kuva 2. Nuoret harrastavat liikuntaa kerhossa.") == "caption"
    assert kind_of("Demodata: kommunen och personerna i detta dokument är påhittade.") == "disclaimer"
    assert kind_of("This is demo data, made up for the example; any resemblance is accidental.") == "disclaimer"
    assert kind_of("Sida 4 av 12") == "meta"
    assert kind_of("We use cookies to make the site work better for residents.") == "boilerplate"
    assert kind_of("Kommunen erbjuder SFI och vuxenutbildning till alla nyanlända.") == "paragraph"


def test_page_furniture_contents_captions_and_disclaimers_are_never_evidence():
    text = (
        "Integrationsprogram 2024–2027\n\n"
        "Demodata: kommunen, siffrorna och personerna är påhittade; invånarna skapade inget tillsammans med oss.\n\n"
        "Innehåll\n\n1 Inledning 3\n\n2 Bostad 5\n\n3 Hälsa 7\n\n"
        "Bild 1: Barn i förskolan läser böcker på svenska.\n\n"
        "\f".join(
            [
                f"Exempelby kommun | Integrationsprogram\n\n{body}\n\nSida {n}"
                for n, body in enumerate(
                    [
                        "Fler nyanlända ska komma i arbete genom praktik hos lokala arbetsgivare.",
                        "Arbetsmarknadsenheten ger stöd till nyanlända som söker jobb och vill starta eget.",
                        "Strategin följs upp varje år med indikatorer.",
                    ],
                    start=1,
                )
            ]
        )
    )
    report = analyse_bytes(text.encode(), "program.txt")
    kinds = {p.text: p.kind for p in report.passages}
    assert kinds["1 Inledning 3"] == "toc" and kinds["2 Bostad 5"] == "toc"
    assert kinds["Bild 1: Barn i förskolan läser böcker på svenska."] == "caption"
    assert kinds["Exempelby kommun | Integrationsprogram"] == "meta"
    assert report.areas["EDU"].status == "missing"  # the caption alone is no evidence
    assert report.areas["HOU"].status == "missing"  # nor is a line of the contents
    assert not report.elements["co_creation_described"].present  # nor the disclaimer
    assert report.areas["EMP"].status == "covered"
