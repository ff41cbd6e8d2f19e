"""Demo documents for the gap analysis: one earlier plan per demo municipality, written for the
demo in our own words after the structure of the seeds, marked as demo data, analysed at once.
Idempotent: a document is found again by its title."""

import hashlib

from django.core.files.base import ContentFile

from samskapa.analysis import engine
from samskapa.analysis.models import Document
from samskapa.analysis.services import document_store_analysis
from samskapa.core.history import save_as

DEMO_NOTE = "Demodata: en påhittad text för att prova Samskapa, inte kommunens verkliga dokument."

DOCUMENTS = {
    "mark": (
        "Tidigare integrationsplan, Marks kommun (demo)",
        f"""Integrationsplan för Marks kommun

{DEMO_NOTE}

Inledning
Kommunen tar emot nyanlända varje år och vill att de snabbt ska komma in i samhället.

Språk och utbildning
Svenska för invandrare (SFI) erbjuds på dagtid, och vuxenutbildningen ger kurser som leder till arbete.
Förskolan och skolan arbetar med modersmålsstöd och studiehandledning för nyanlända elever.

Arbete
Arbetsmarknadsenheten erbjuder praktik och extratjänster tillsammans med Arbetsförmedlingen.

Föreningsliv och fritid
Biblioteken ordnar språkcaféer, och kommunen stödjer föreningar som bjuder in nyanlända till idrott och kultur.
""",
    ),
    "molndal": (
        "Handlingsplan för integration 2023–2024, Mölndals stad (demo)",
        f"""Handlingsplan för integration 2023–2024

{DEMO_NOTE}

Planen bygger på strategin för integration som kommunfullmäktige antog 2021 och gäller 2023–2024.

Arbete och egenförsörjning
Fler nyanlända ska nå egen försörjning genom praktik, yrkesutbildning och kontakter med arbetsgivare.
Särskilda insatser riktas till utrikes födda kvinnor som står långt från arbetsmarknaden.

Utbildning
Skolan stärker studiehandledningen så att fler nyanlända elever når gymnasiebehörighet.

Delaktighet och sociala sammanhang
Staden stödjer mötesplatser och föreningar där nya och etablerade invånare möts.

Boende
Bostadsbolaget och staden samverkar för att fler nyanlända familjer ska få ett eget förstahandskontrakt.

Uppföljning
Varje aktivitet har en ansvarig förvaltning. Planen följs upp årligen med indikatorer för kommunstyrelsen.
""",
    ),
    "mala": (
        "Strategi för integration, Malå kommun (demo)",
        f"""Strategi för integration i Malå

{DEMO_NOTE}

Vision
Malå ska vara en plats där alla känner sig välkomna och vill stanna.

Tillhörighet
Vi vill att nyanlända känner gemenskap. Vi ska erbjuda samhällsorientering och information på flera språk.

Framtid
Vi vill att fler får arbete i Malå. Vi ska samarbeta med näringslivet om praktikplatser och lärlingsjobb.

Fritid
Vi vill att barn och unga har en meningsfull fritid. Vi ska bjuda in alla barn till föreningarnas aktiviteter.

Strategin ska revideras före utgången av 2025.
""",
    ),
}


def build(organisation, coordinator) -> None:
    spec = DOCUMENTS.get(organisation.slug)
    if spec is None:
        return
    title, text = spec
    document = Document.objects.filter(organisation=organisation, title=title).first()
    if document is not None and document.is_analysed:
        return
    content = text.encode("utf-8")
    filename = "demo-plan.txt"
    if document is None:
        document = Document(
            organisation=organisation,
            title=title,
            publisher=organisation.name,
            original_filename=filename,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=coordinator,
        )
        document.file.save(filename, ContentFile(content), save=False)
        save_as(document, coordinator)
    document_store_analysis(document=document, report=engine.analyse_bytes(content, filename))
