"""Demo action plans for Mark, Mölndal, Malå and Vaasa: concrete actions of the kind their strategies call
for, with leads from the demo actor registry, budgets, funding, progress and child impact
assessments. Made up in our own words and marked as demo data (plan titles end in "(demo)", and
the organisations are demo organisations). Idempotent: plans and actions are found by title.

Actions go through the services, as a coordinator would enter them: an action that affects
children is set to ongoing only after its child impact assessment is completed, and progress is
reported by the colleague responsible for the action.
"""

from datetime import date
from decimal import Decimal

from samskapa.accounts.models import User
from samskapa.actions import services
from samskapa.actions.models import Action, ActionPlan, Funding, Status
from samskapa.actors.models import Actor
from samskapa.strategy.demo import DEMO_STRATEGIES
from samskapa.strategy.models import FocusArea, Goal, Principle, Strategy

D = date.fromisoformat
S, F = Status, Funding

ASSESSMENT_SV = {"consulted": "yes", "articles": [2, 3, 6, 12], "assessed_by": "Barnrättsstrateg (demo)"}
ASSESSMENT_FI = {"consulted": "yes", "articles": [2, 3, 6, 12], "assessed_by": "Lapsiasioiden koordinaattori (demo)"}

MARK = {
    "plan": {
        "title": "Handlingsplan 2024–2025 (demo)",
        "period_start": D("2024-01-01"),
        "period_end": D("2025-12-31"),
        "description": "Integrationsstrategins första åtgärder, valda tillsammans med samskapandekommittén.",
    },
    "actions": [
        {
            "title": "Föräldracafé med språkstöd i Skene",
            "description": "Ett café varje vecka på förskolan där nyanlända föräldrar övar svenska, träffar "
            "personalen och andra föräldrar och får veta hur förskolan och skolan fungerar.",
            "area": "Egenmakt genom arbete, utbildning och språk",
            "lead": "Barn- och utbildningsförvaltningen",
            "partners": ["Rädda Barnen (projektet SALAM)", "Svenska kyrkan"],
            "start": "2024-02-01",
            "end": "2025-12-31",
            "budget": "420000",
            "funding": F.AMIF,
            "funding_note": "Delas med projektet SALAM",
            "target_groups": ["families", "children", "women"],
            "principles": ["co-creation", "capacity-building"],
            "responsible": "skola",
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn 1–6 år i förskolan och deras yngre syskon.",
                "consultation": "Förskollärarna frågade barnen med hjälp av bilder vad de tycker om på caféet.",
                "best_interest": "Föräldrar som förstår förskolan kan stötta sina barns lärande.",
                "articles": [2, 3, 6, 12, 28],
                "positive_impacts": "Språkstöd tidigare i hemmet; föräldrarna litar mer på förskolan.",
                "conclusion": "Åtgärden är till barnens bästa; fortsätt och följ upp varje år.",
                "assessed_on": D("2024-01-20"),
            },
            "updates": [
                ("2024-03-15", "Tolv familjer kom till de sex första caféträffarna.", S.ONGOING, 15),
                ("2024-11-10", "En andra grupp på arabiska och somaliska startade i höstas.", S.ONGOING, 55),
            ],
        },
        {
            "title": "Praktik hos lokala arbetsgivare för nyanlända kvinnor",
            "description": "Nyanlända kvinnor matchas med praktik hos arbetsgivare i kommunen, med en mentor "
            "och svenska för arbetsplatsen.",
            "area": "Egenmakt genom arbete, utbildning och språk",
            "goal": True,
            "lead": "Arbetsmarknadsenheten",
            "partners": ["Arbetsförmedlingen", "Kinna Företagarförening"],
            "start": "2024-03-01",
            "end": "2025-10-31",
            "budget": "950000",
            "funding": F.ESF,
            "target_groups": ["women", "newcomers"],
            "principles": ["mainstreaming-participation", "long-term-sustainability"],
            "responsible": "arbetsmarknad",
            "updates": [
                ("2024-05-02", "Åtta arbetsgivare har anmält sig; de första fem kvinnorna har börjat.", S.ONGOING, 25),
                (
                    "2024-12-05",
                    "Beslutet om ESF+-stöd kom tre månader för sent, så andra omgången flyttas till våren.",
                    S.DELAYED,
                    40,
                ),
            ],
        },
        {
            "title": "Information om kommunens service på sex språk",
            "description": "Korta filmer och foldrar om skola, vård och boende, gjorda tillsammans med invånare "
            "som talar språken.",
            "area": "Likvärdig tillgång och respektfullt bemötande",
            "lead": "Kultur och fritid",
            "partners": ["Somaliska föreningen i Mark", "Islamiska kulturföreningen"],
            "start": "2024-04-01",
            "end": "2024-12-31",
            "budget": "180000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents"],
            "principles": ["transparency", "co-creation"],
            "updates": [
                ("2024-06-20", "Manusen är klara och godkända av föreningarna.", S.ONGOING, 40),
                ("2024-12-18", "Tio filmer publicerade på webben och visade på biblioteket.", S.DONE, 100),
            ],
        },
        {
            "title": "Utbildning i interkulturellt bemötande för personal som möter invånare",
            "description": "En halvdag för personal som möter invånare: om fördomar, att arbeta med tolk och "
            "att skriva klarspråk.",
            "area": "Likvärdig tillgång och respektfullt bemötande",
            "lead": "Individ- och familjeomsorgen",
            "start": "2025-01-15",
            "end": "2025-11-30",
            "budget": "120000",
            "funding": F.MUNICIPAL,
            "target_groups": ["staff"],
            "principles": ["capacity-building"],
            "updates": [],
        },
        {
            "title": "Språkcafé och läxhjälp på Kinna bibliotek",
            "description": "Kvällar med volontärer där barn får hjälp med läxorna och vuxna övar svenska.",
            "area": "Delaktighet och gemenskap",
            "goal": True,
            "lead": "Kultur och fritid",
            "partners": ["Röda Korset", "Studieförbund"],
            "start": "2024-01-15",
            "end": "2025-12-31",
            "budget": "90000",
            "funding": F.STATE,
            "funding_note": "Bidrag från länsstyrelsen",
            "target_groups": ["children", "adults", "newcomers"],
            "principles": ["social-cohesion"],
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Skolbarn 7–15 år som kommer till läxhjälpen.",
                "consultation": "Ungdomsrådet och elever på två skolor fick säga vilka kvällar som passar.",
                "best_interest": "En lugn plats att plugga på och vuxna som hjälper ger barnen bättre chanser.",
                "articles": [2, 3, 6, 12, 28, 31],
                "positive_impacts": "Bättre läxrutiner och nya vänner med olika bakgrund.",
                "negative_impacts": "Barn i Fritsla utan skjuts kan inte komma på kvällen.",
                "mitigation": "Familjer som ber om det får ett busskort.",
                "conclusion": "Positiv för barnen; resproblemet löses med busskort.",
                "assessed_on": D("2024-01-10"),
            },
            "updates": [("2024-09-30", "I snitt fyrtio barn i veckan i höst.", S.ONGOING, 60)],
        },
        {
            "title": "Mätbara integrationsmål och en årlig uppföljning",
            "description": "Indikatorer för varje fokusområde och en årlig rapport till fullmäktige, som "
            "diskuteras med samskapandekommittén.",
            "area": "Samverkan och styrning",
            "goal": True,
            "lead": "Individ- och familjeomsorgen",
            "partners": ["Västra Götalandsregionen"],
            "start": "2024-09-01",
            "end": "2025-06-30",
            "budget": "60000",
            "funding": F.MUNICIPAL,
            "target_groups": ["residents"],
            "principles": ["participatory-monitoring", "transparency", "inclusive-governance"],
            "updates": [("2025-02-12", "Indikatorerna är valda; den första rapporten skrivs nu.", S.ONGOING, 50)],
        },
        {
            "title": "Sommaraktiviteter för unga i byarna",
            "description": "Fotboll, simning och utflykter för unga i Fritsla och Horred.",
            "area": "Delaktighet och gemenskap",
            "lead": "Kultur och fritid",
            "partners": ["Unga i Mark"],
            "start": "2025-06-01",
            "end": "2025-08-31",
            "budget": "150000",
            "funding": F.REGION,
            "target_groups": ["youth", "children"],
            "principles": ["social-cohesion", "co-creation"],
            "assessment_draft": {"children_affected": "Unga 13–17 år i Fritsla och Horred."},
            "updates": [],
        },
    ],
}

MOLNDAL = {
    "plan": {
        "title": "Handlingsplan för integration 2023–2024 (demo)",
        "period_start": D("2023-01-01"),
        "period_end": D("2024-12-31"),
        "description": "Konkreta aktiviteter som gör verkstad av integrationsstrategin under två år.",
        "adopted_by": "Kommunstyrelsen",
        "adopted_on": D("2022-08-31"),
    },
    "actions": [
        {
            "title": "Språkpraktik i stadens egna verksamheter",
            "description": "Nyanlända får praktik med handledare i förskola, äldreomsorg och park, kombinerat med SFI.",
            "area": "Arbete och egenförsörjning",
            "goal": True,
            "lead": "Social- och arbetsmarknadsförvaltningen",
            "partners": ["Arbetsförmedlingen"],
            "start": "2023-02-01",
            "end": "2024-12-31",
            "budget": "1200000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "adults"],
            "principles": ["long-term-sustainability"],
            "responsible": "arbetsmarknad",
            "updates": [
                ("2023-06-15", "22 praktikplatser i sex verksamheter.", S.ONGOING, 35),
                ("2024-12-10", "61 deltagare; 24 gick vidare till arbete eller studier.", S.DONE, 100),
            ],
        },
        {
            "title": "Studiehandledning på modersmål i grundskolan",
            "description": "Fler studiehandledare så att nyanlända elever kan följa undervisningen i alla ämnen.",
            "area": "Utbildning",
            "goal": True,
            "lead": "Barn- och utbildningsförvaltningen",
            "start": "2023-08-15",
            "end": "2024-06-15",
            "budget": "800000",
            "funding": F.STATE,
            "funding_note": "Statsbidrag från Skolverket",
            "target_groups": ["children"],
            "principles": ["mainstreaming-participation"],
            "responsible": "skola",
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Nyanlända elever i årskurs 4–9.",
                "consultation": "Elevhälsan intervjuade tolv elever om vad som gör lektionerna svåra.",
                "best_interest": "Att förstå undervisningen på sitt starkaste språk ger barnen bättre chans "
                "att klara skolan.",
                "articles": [2, 3, 6, 12, 28, 29],
                "positive_impacts": "Fler elever når godkända betyg; mindre utanförskap i klassrummet.",
                "conclusion": "Åtgärden är till barnens bästa.",
                "assessed_on": D("2023-06-01"),
            },
            "updates": [
                ("2023-10-01", "Fem nya studiehandledare anställda (arabiska, dari, somaliska).", S.ONGOING, 40),
                ("2024-06-20", "Läsåret avslutat; utvärderingen visar högre måluppfyllelse.", S.DONE, 100),
            ],
        },
        {
            "title": "Mötesplats för föreningar och nya mölndalsbor",
            "description": "En föreningsmässa varje höst och en mötesplats på biblioteket där föreningar "
            "presenterar sig.",
            "area": "Delaktighet och sociala sammanhang",
            "goal": True,
            "lead": "Kultur och fritid",
            "partners": ["Studieförbund", "Svenska kyrkan", "Röda Korset"],
            "start": "2023-03-01",
            "end": "2024-12-31",
            "budget": "250000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents", "families"],
            "principles": ["social-cohesion", "co-creation"],
            "assessment": {
                **ASSESSMENT_SV,
                "consulted": "no",
                "children_affected": "Barn som följer med sina föräldrar till mässan och mötesplatsen.",
                "consultation": "Barnen hördes inte särskilt; åtgärden riktar sig i första hand till vuxna.",
                "best_interest": "Familjer som hittar en förening ger barnen fler fritidsaktiviteter.",
                "positive_impacts": "Fler barn börjar i en idrotts- eller kulturförening.",
                "conclusion": "Ingen negativ påverkan på barn; barn hörs inför nästa mässa.",
                "assessed_on": D("2023-02-10"),
            },
            "updates": [
                ("2023-10-14", "Första mässan: 35 föreningar och omkring 400 besökare.", S.ONGOING, 50),
                ("2024-10-12", "Andra mässan genomförd.", S.ONGOING, 90),
            ],
        },
        {
            "title": "Boendeinsatser mot trångboddhet",
            "description": "Råd om bostadssökande och byten till större lägenheter för familjer som bor trångt.",
            "area": "Boende",
            "goal": True,
            "lead": "Mölndalsbostäder",
            "partners": ["Socialtjänsten"],
            "start": "2023-09-01",
            "end": "2024-12-31",
            "budget": "300000",
            "funding": F.MUNICIPAL,
            "target_groups": ["families"],
            "principles": ["inclusive-governance"],
            "responsible": "bostad",
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn i familjer som bor trångt i stadens bostadsbestånd.",
                "consultation": "Samtal med barn i tre familjer om hur det är att bo trångt.",
                "best_interest": "Egen plats att sova och göra läxor på.",
                "articles": [2, 3, 6, 12, 27],
                "positive_impacts": "Bättre sömn och studiero.",
                "negative_impacts": "Ett byte kan innebära att barnet måste byta skola.",
                "mitigation": "Familjen erbjuds lägenhet i samma skolområde när det går.",
                "conclusion": "Positiv för barnen med hänsyn till skolbyten.",
                "assessed_on": D("2023-08-20"),
            },
            "updates": [
                ("2024-03-01", "Arton familjer har fått råd; fyra har bytt lägenhet.", S.ONGOING, 30),
                (
                    "2024-09-15",
                    "Få större lägenheter blev lediga; insatsen förlängs in i nästa plan.",
                    S.DELAYED,
                    45,
                ),
            ],
        },
        {
            "title": "Gemensam uppföljning av integrationsarbetet",
            "description": "En årlig uppföljning till nämnden med nyckeltal för alla fem fokusområden.",
            "area": "Internt utvecklingsarbete",
            "goal": True,
            "lead": "Social- och arbetsmarknadsförvaltningen",
            "start": "2023-01-01",
            "end": "2024-12-31",
            "budget": "50000",
            "funding": F.MUNICIPAL,
            "target_groups": ["staff"],
            "principles": ["participatory-monitoring", "transparency"],
            "updates": [("2024-02-20", "Uppföljningen för 2023 redovisad för nämnden.", S.ONGOING, 50)],
        },
        {
            "title": "Utbildning i bemötande för stadens medarbetare",
            "description": "Kurs i bemötande och tolkanvändning enligt stadens bemötandeplan.",
            "area": "Internt utvecklingsarbete",
            "lead": "Social- och arbetsmarknadsförvaltningen",
            "start": "2024-01-01",
            "end": "2024-06-30",
            "budget": "80000",
            "funding": F.MUNICIPAL,
            "target_groups": ["staff"],
            "principles": ["capacity-building"],
            "cancelled": "Ersätts av stadens gemensamma utbildning i bemötande som startar 2025.",
            "updates": [],
        },
    ],
}

MALA = {
    "plan": {
        "title": "Handlingsplan 2024–2025 (demo)",
        "period_start": D("2024-01-01"),
        "period_end": D("2025-12-31"),
        "description": "Aktiviteter för strategins tre steg fram till revideringen 2025.",
        "adopted_by": "Kommunstyrelsen",
        "adopted_on": D("2023-12-12"),
    },
    "actions": [
        {
            "title": "Samhällsorientering och kontaktperson för varje familj",
            "description": "Varje ny familj får en kontaktperson under första året och erbjuds "
            "samhällsorientering på sitt språk.",
            "area": "Tillhörighet",
            "goal": True,
            "lead": "Integrationsservice",
            "partners": ["Försäkringskassan"],
            "start": "2024-01-01",
            "end": "2025-12-31",
            "budget": "350000",
            "funding": F.STATE,
            "funding_note": "Schablonersättning för mottagandet",
            "target_groups": ["newcomers", "families"],
            "principles": ["capacity-building", "transparency"],
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn i nyanlända familjer som bosätter sig i Malå.",
                "consultation": "Kontaktpersonerna frågar barnen vad de behöver veta om skolan och fritiden.",
                "best_interest": "Trygga föräldrar och ett bra mottagande ger barnen en bättre start.",
                "articles": [2, 3, 6, 12, 22],
                "positive_impacts": "Barnen får snabbare plats i skola och fritid.",
                "conclusion": "Åtgärden är till barnens bästa.",
                "assessed_on": D("2023-12-01"),
            },
            "updates": [("2024-08-30", "Sju familjer har kontaktperson.", S.ONGOING, 45)],
        },
        {
            "title": "Nystartsjobb i kommunens verksamheter",
            "description": "Anställningar med stöd i kommunens egna verksamheter, kombinerade med yrkessvenska.",
            "area": "Framtid",
            "goal": True,
            "lead": "Arbetsmarknadsenheten",
            "partners": ["Arbetsförmedlingen", "Region Västerbotten"],
            "start": "2024-02-01",
            "end": "2025-12-31",
            "budget": "600000",
            "funding": F.ESF,
            "funding_note": "Inom utvecklingsprojektet SIKT 2.0",
            "target_groups": ["adults", "newcomers"],
            "principles": ["long-term-sustainability"],
            "responsible": "arbetsmarknad",
            "updates": [("2024-10-01", "Fyra personer anställda med nystartsjobb.", S.ONGOING, 40)],
        },
        {
            "title": "Marknadsföring av Malå som plats att bo och verka på",
            "description": "Berättelser från nyinflyttade på webben och i sociala medier.",
            "area": "Framtid",
            "lead": "Integrationsservice",
            "start": "2025-03-01",
            "end": "2025-12-31",
            "budget": "75000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents"],
            "principles": ["transparency"],
            "updates": [],
        },
        {
            "title": "Fritidsaktiviteter för barn och unga tillsammans med föreningslivet",
            "description": "Prova-på-dagar i idrott och kultur och stöd till föreningar som tar emot nya medlemmar.",
            "area": "Fritid",
            "goal": True,
            "lead": "Utbildningsavdelningen",
            "partners": ["Föreningslivet i Malå", "Nilaskolan"],
            "start": "2024-04-01",
            "end": "2025-10-31",
            "budget": "140000",
            "funding": F.AMIF,
            "target_groups": ["children", "youth"],
            "principles": ["social-cohesion", "co-creation"],
            "assessment": {
                **ASSESSMENT_SV,
                "children_affected": "Barn och unga 7–18 år, både nyanlända och andra malåbor.",
                "consultation": "Elevrådet på Nilaskolan valde vilka aktiviteter som skulle prövas.",
                "best_interest": "Lek och fritid med andra barn ger vänner och språk.",
                "articles": [2, 3, 6, 12, 31],
                "positive_impacts": "Fler barn deltar i en förening.",
                "negative_impacts": "Avgifter kan stänga ute barn i familjer med låg inkomst.",
                "mitigation": "Föreningarna får bidrag för att slopa avgiften första året.",
                "conclusion": "Positiv för barnen när avgiftsfrågan är löst.",
                "assessed_on": D("2024-03-05"),
            },
            "updates": [
                ("2024-06-10", "Tre prova-på-dagar med 60 barn.", S.ONGOING, 30),
                (
                    "2025-01-20",
                    "Vintersäsongen ställdes in när ledare saknades; fortsätter till sommaren.",
                    S.DELAYED,
                    45,
                ),
            ],
        },
        {
            "title": "Mötesplats på Malå bibliotek",
            "description": "Öppen mötesplats två kvällar i veckan med språkcafé och föreningsinformation.",
            "area": "Tillhörighet",
            "lead": "Utbildningsavdelningen",
            "partners": ["Föreningslivet i Malå"],
            "start": "2024-01-15",
            "end": "2024-12-20",
            "budget": "40000",
            "funding": F.MUNICIPAL,
            "target_groups": ["adults", "residents"],
            "principles": ["social-cohesion"],
            "updates": [("2024-12-20", "Mötesplatsen permanent från 2025.", S.DONE, 100)],
        },
    ],
}

VAASA = {
    "plan": {
        "title": "Kotouttamisohjelman toimenpiteet 2025–2026 (demo)",
        "period_start": D("2025-01-01"),
        "period_end": D("2026-12-31"),
        "description": "Ohjelman ensimmäiset toimenpiteet, sovittu kotouttamisen yhteistyöryhmässä.",
        "adopted_by": "Kaupunginhallitus",
        "adopted_on": D("2025-06-09"),
    },
    "currency": "EUR",
    "actions": [
        {
            "title": "Kotoutumissuunnitelma kolmessa kuukaudessa",
            "description": "Jokainen uusi asiakas saa alkukartoituksen ja kotoutumissuunnitelman kolmen "
            "kuukauden kuluessa; suunnitelma tehdään tarvittaessa tulkin kanssa.",
            "area": "Työ ja osaaminen",
            "goal": True,
            "lead": "Kotoutumispalvelut",
            "partners": ["Työllisyyspalvelut", "Kela"],
            "start": "2025-01-01",
            "end": "2026-12-31",
            "budget": "180000",
            "funding": F.STATE,
            "funding_note": "Valtion laskennallinen korvaus",
            "target_groups": ["newcomers", "adults"],
            "principles": ["capacity-building", "transparency"],
            "responsible": "tyollisyys",
            "updates": [
                ("2025-04-30", "Suunnitelma tehtiin 84 prosentille kolmen kuukauden kuluessa.", S.ONGOING, 35),
                ("2025-10-15", "Jono purettu; tulkkiaikoja lisätty iltapäiviin.", S.ONGOING, 60),
            ],
        },
        {
            "title": "Kieltä työn ohessa — työpaikkasuomi ja -ruotsi",
            "description": "Kielikurssit työpaikoilla ja iltaisin yhdessä yritysten kanssa, suomeksi tai ruotsiksi.",
            "area": "Kieli ja koulutus",
            "goal": True,
            "lead": "Työllisyyspalvelut",
            "partners": ["Vaasan yrittäjät", "Vaasan ammattiopisto"],
            "start": "2025-03-01",
            "end": "2026-06-30",
            "budget": "240000",
            "funding": F.ESF,
            "target_groups": ["adults", "women"],
            "principles": ["mainstreaming-participation", "long-term-sustainability"],
            "updates": [
                ("2025-09-01", "Kuusi työpaikkaa mukana, 41 osallistujaa.", S.ONGOING, 40),
            ],
        },
        {
            "title": "Harrastuspassi jokaiselle lapselle",
            "description": "Maksuton harrastus ja kummi seuraan tai yhdistykseen kaikille uusille lapsille.",
            "area": "Lapset, nuoret ja perheet",
            "goal": True,
            "lead": "Kasvatus- ja opetustoimi",
            "partners": ["Suomen Punainen Risti, Vaasan osasto", "Nuorisovaltuusto"],
            "start": "2025-08-01",
            "end": "2026-12-31",
            "budget": "95000",
            "funding": F.MUNICIPAL,
            "target_groups": ["children", "youth"],
            "principles": ["social-cohesion", "co-creation"],
            "responsible": "koulu",
            "assessment": {
                **ASSESSMENT_FI,
                "children_affected": "7–17-vuotiaat lapset ja nuoret, jotka ovat muuttaneet Vaasaan.",
                "consultation": "Nuorisovaltuusto ja kaksi koululuokkaa valitsivat kokeiltavat harrastukset.",
                "best_interest": "Harrastus tuo ystäviä, kieltä ja turvallisia aikuisia.",
                "articles": [2, 3, 6, 12, 31],
                "positive_impacts": "Yhä useampi lapsi löytää harrastuksen ensimmäisenä vuonna.",
                "negative_impacts": "Pitkät matkat voivat estää osallistumisen.",
                "mitigation": "Bussikortti harrastuksiin niille, jotka sitä tarvitsevat.",
                "conclusion": "Toimenpide on lapsen edun mukainen.",
                "assessed_on": D("2025-06-01"),
            },
            "updates": [("2025-11-20", "Syksyllä 58 lasta aloitti harrastuksen.", S.ONGOING, 45)],
        },
        {
            "title": "Kohtaamispaikka pääkirjastoon",
            "description": "Kielikahvila suomeksi ja ruotsiksi, neuvontaa ja yhdistysten esittäytymisiä "
            "kahtena iltana viikossa.",
            "area": "Vastaanottava yhteiskunta ja hyvät väestösuhteet",
            "goal": True,
            "lead": "Kaupunginkirjasto",
            "partners": ["Vaasan seurakuntayhtymä", "Monikulttuurinen yhdistys"],
            "start": "2025-02-01",
            "end": "2025-12-31",
            "budget": "30000",
            "funding": F.MUNICIPAL,
            "target_groups": ["newcomers", "residents"],
            "principles": ["social-cohesion"],
            "updates": [("2025-12-10", "Kohtaamispaikka jatkuu pysyvänä vuodesta 2026.", S.DONE, 100)],
        },
        {
            "title": "Ohjelman vuosiseuranta valtuustolle",
            "description": "Indikaattorit jokaiselle painopisteelle ja vuosiraportti, joka käsitellään "
            "yhteistyöryhmässä ennen valtuustoa.",
            "area": "Yhteistyö ja kumppanuudet",
            "goal": True,
            "lead": "Kotoutumispalvelut",
            "partners": ["Pohjanmaan ELY-keskus"],
            "start": "2025-09-01",
            "end": "2026-05-31",
            "budget": "20000",
            "funding": F.MUNICIPAL,
            "target_groups": ["residents"],
            "principles": ["participatory-monitoring", "transparency"],
            "updates": [],
        },
    ],
}

DEMO_PLANS = {"mark": MARK, "molndal": MOLNDAL, "mala": MALA, "vaasa": VAASA}


def _colleague(organisation, local: str | None):
    if not local:
        return None
    return User.objects.filter(email=f"{local}@{organisation.slug}.demo.test").first()


def _fields(organisation, strategy, spec: dict, currency: str = "SEK") -> dict:
    area = FocusArea.objects.get(strategy=strategy, title=spec["area"])
    goal = Goal.objects.filter(focus_area=area).first() if spec.get("goal") else None
    actors = {a.name: a.pk for a in Actor.objects.filter(organisation=organisation)}
    principles = Principle.objects.filter(organisation=organisation, code__in=spec.get("principles", []))
    return {
        "title": spec["title"],
        "description": spec["description"],
        "focus_area_id": area.pk,
        "lead_id": actors[spec["lead"]],
        "start": D(spec["start"]),
        "end": D(spec["end"]),
        "budget": Decimal(spec["budget"]),
        "currency": currency,
        "funding": spec["funding"],
        "funding_note": spec.get("funding_note", ""),
        "target_groups": spec["target_groups"],
        "goal_ids": [goal.pk] if goal else [],
        "partner_ids": [actors[name] for name in spec.get("partners", [])],
        "principle_ids": [p.pk for p in principles],
    }


def _action(organisation, coordinator, plan: ActionPlan, strategy: Strategy, spec: dict, currency: str) -> None:
    if Action.objects.filter(plan=plan, title=spec["title"]).exists():
        return
    fields = _fields(organisation, strategy, spec, currency)
    person = _colleague(organisation, spec.get("responsible"))
    if person is not None:
        fields["responsible_ids"] = [person.pk]
    action = services.action_create(actor=coordinator, organisation=organisation, plan=plan, **fields)
    if "assessment" in spec:
        services.assessment_save(
            actor=coordinator, organisation=organisation, action=action, complete=True, **spec["assessment"]
        )
    elif "assessment_draft" in spec:
        services.assessment_save(
            actor=coordinator, organisation=organisation, action=action, **spec["assessment_draft"]
        )
    for day, text, status, percent in spec["updates"]:
        action.refresh_from_db()
        services.progress_post(
            actor=person or coordinator,
            organisation=organisation,
            action=action,
            text=text,
            date=D(day),
            status=status,
            percent_complete=percent,
        )
    if "cancelled" in spec:
        action.refresh_from_db()
        services.action_update(
            actor=coordinator,
            organisation=organisation,
            action=action,
            status=Status.CANCELLED,
            status_reason=spec["cancelled"],
        )


def build(organisation, coordinator) -> None:
    spec = DEMO_PLANS.get(organisation.slug)
    if spec is None:
        return
    strategy_title = DEMO_STRATEGIES[organisation.slug]["strategy"]["title"]
    strategy = Strategy.objects.get(organisation=organisation, title=strategy_title)
    plan = ActionPlan.objects.filter(organisation=organisation, title=spec["plan"]["title"]).first()
    if plan is None:
        plan = services.plan_create(actor=coordinator, organisation=organisation, strategy=strategy, **spec["plan"])
    for action in spec["actions"]:
        _action(organisation, coordinator, plan, strategy, action, spec.get("currency", "SEK"))
