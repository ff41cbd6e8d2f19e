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


def test_abbreviations_initials_and_dates_in_six_languages_stay_inside_their_sentence():
    cases = {
        "Kommunen erbjuder t.ex. Sfi och samhällsorientering. Alla är välkomna.": 2,
        "Kunta tarjoaa esim. Suomen kielen kursseja. Kurssit ovat maksuttomia.": 2,
        "The council funds e.g. ESOL classes. They are free.": 2,
        "Kommunen tilbyr f.eks. Norskopplæring på kveldstid. Tilbudet er gratis.": 2,
        "Kommunen tilbyder bl.a. Danskundervisning om aftenen. Det er gratis.": 2,
        "Die Stadt fördert z. B. Sprachkurse und Lotsen. Die Angebote sind kostenlos.": 2,
        "Das Konzept gilt seit dem 1. Januar 2024. Es wird jährlich überprüft.": 2,
        "Ansvarig är K. Nieminen på sivistystoimi. Hon rapporterar varje år.": 2,
        "Se avsnitt 2.3 om bostäder. Där finns åtgärderna.": 2,
        "Kommunen har 12 språkcaféer. Alla är öppna på kvällen.": 2,
    }
    for text, n in cases.items():
        assert len(sentences(text)) == n, sentences(text)
    assert sentences("Wir fördern z. B. Sprachkurse. Die Stadt hilft.")[0] == "Wir fördern z. B. Sprachkurse."


def test_a_cut_sentence_stays_running_text_even_when_it_is_short():
    parts = split_long(LONG_BLOCK + " Se hyvä.")
    report = analyse_bytes(("Ohjelma\n\n" + LONG_BLOCK + " Se toimii.").encode(), "o.txt")
    assert all(p.kind == "paragraph" for p in report.passages[1:])
    assert parts[-1].endswith("Se hyvä.")


def test_source_lines_photo_credits_and_contents_without_a_title_are_not_evidence():
    assert kind_of("Källa: SCB, befolkningsstatistik 2023") == "caption"
    assert kind_of("Lähde: Tilastokeskus") == "caption"
    assert kind_of("Quelle: Statistisches Landesamt") == "caption"
    assert kind_of("Kuvat: Matti Meikäläinen") == "caption"
    assert kind_of("Billede 2: Børn på biblioteket læser sammen.") == "caption"
    assert kind_of("Bilde: Elever i norskopplæringen.") == "caption"
    assert kind_of("Eksempeldata: kommunen og personene er oppdiktet.") == "disclaimer"
    assert kind_of("Beispieldaten: alle Namen sind erfunden.") == "disclaimer"
    assert kind_of("1 Inledning 3 2 Arbete 5 3 Bostad 8 4 Uppföljning 12") == "toc"
    text = "Integrationsprogram\n\n1 Inledning 3\n\n2 Arbete och försörjning 5\n\n3 Bostad 8\n\n4 Hälsa 11\n\n"
    text += "Fler nyanlända ska få arbete genom praktik hos lokala arbetsgivare och stöd att starta eget."
    report = analyse_bytes(text.encode(), "program.txt")
    kinds = {p.text: p.kind for p in report.passages}
    assert kinds["3 Bostad 8"] == "toc" and kinds["4 Hälsa 11"] == "toc"
    assert report.areas["HOU"].status == "missing" and report.areas["HEA"].status == "missing"


def test_running_headers_of_a_text_without_page_breaks_are_furniture_but_repeated_table_cells_are_not():
    body = [
        "Fler nyanlända ska komma i arbete genom praktik hos lokala arbetsgivare.",
        "Ansvarig: arbetsmarknadsenheten",
        "Bostadsbolaget bygger fler små hyresrätter för nyanlända familjer.",
        "Ansvarig: arbetsmarknadsenheten",
        "Vårdcentralen erbjuder hälsosamtal med tolk till alla nyanlända.",
        "Ansvarig: arbetsmarknadsenheten",
    ]
    text = "\n\n".join(f"Norrby kommun | Integrationsprogram 2024–2027\n\n{line}" for line in body)
    report = analyse_bytes(text.encode(), "export.txt")
    kinds = [(p.text, p.kind) for p in report.passages]
    assert all(k == "meta" for t, k in kinds if t.startswith("Norrby kommun"))
    assert all(k != "meta" for t, k in kinds if t.startswith("Ansvarig"))
    assert report.elements["responsible_actors"].present
