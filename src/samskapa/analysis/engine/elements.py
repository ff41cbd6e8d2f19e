"""The eight structural elements a strategy document is checked for, with evidence.

Each element is a set of multilingual patterns (on accent-folded text, see text.fold) applied
to the document's passages, following the definitions in the taxonomy; headings,
table-of-contents lines and page furniture do not count (a heading may name the programme
period). Some words show an element only in the right company: a year range is a programme
period beside "programme" or "valid", not in a line of statistics; a survey or a workshop is
co-creation when residents, organisations or the drafting of the plan are named with it; a
review is a revision date only with a date or a cycle ("revised when needed" is neither).
``children_perspective`` also uses the classifier: a passage labelled CHI that names children
(not only young adults) is evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .shapes import NON_EVIDENCE
from .text import fold

ELEMENTS = (
    "vision",
    "target_groups",
    "measurable_goals_or_indicators",
    "responsible_actors",
    "timeline",
    "revision_or_evaluation_date",
    "co_creation_described",
    "children_perspective",
)
IGNORED_KINDS = NON_EVIDENCE
# A title or heading that names the programme period ("Integration programme 2018–2021") shows
# the timeline even though headings are otherwise not evidence.
HEADING_ELEMENTS = frozenset({"timeline"})

_YEAR = r"(?:19|20)\d\d"
# Folded text: en and em dashes are already "-".
_PERIOD = rf"\b{_YEAR}\s*(?:-|/|till|to|until|bis|til)\s*(?:{_YEAR}|\d\d)\b"
# Within one sentence (no full stop in between, but "2.3" or "bl.a." may sit inside).
_GAP = r"(?:[^.]|\.(?=\w)){0,90}?"


def _re(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def _near(a: str, b: str) -> str:
    """``a`` and ``b`` in the same sentence, in either order."""
    return rf"(?:{a}){_GAP}(?:{b})|(?:{b}){_GAP}(?:{a})"


# --- what the programme is and who it is for -------------------------------------------------------

_PLAN_WORDS = (
    r"\b\w*?(?:program|ohjelm|strategi|suunnitelm|politik|policy|konzept|handlungs|leitlini)\w*|"
    r"\b\w*?plan(?:en|er|s|perioden?)?\b|\bperiod\w*|\bkau(?:si|den|della|delle|tta)\b|\bgaller\b|"
    r"\bgjelder\b|\bgalder\b|\bgilt\b|\bgultig\b|\bvoimassa\w*|\blaufzeit\b|\bzeitraum\b|\bcovers?\b|"
    r"\bfor aren\b|\bvuosille\b|\bfor arene\b|\bfur die jahre\b|\bthe years\b|\bvaltuustokau\w*|\bmandatperiod\w*"
)
_PARTICIPANTS = (
    r"\b(?:invanare|medborgare|residents?|citizens?|asukka\w*|asukas\w*|kuntalai\w*|kaupunkilai\w*|"
    r"innbygger\w*|borger\w*|burger\w*|einwohner\w*|migrant\w*|refugees?|invandrar\w*|nyanland\w*|"
    r"maahanmuutt\w*|maahan muutt\w*|innvandr\w*|indvandr\w*|flygtning\w*|flyktning\w*|zugewandert\w*|"
    r"gefluchtet\w*|foreningar\w*|forening\w*|associations?|jarjest\w*|organi[sz]ations?|"
    r"organisasjon\w*|vereine?|stakeholders?|intressenter|sidosryhm\w*|civil society|civilsamhall\w*|"
    r"kansalaisyhteiskun\w*|frivillig\w*|communit\w*|young people|ungdomar|nuoria|nuoret|youth council|"
    r"ungdomsrad\w*|nuorisovaltuust\w*)"
)
_DRAFTING = (
    r"\b(?:(?:tagits|togs|tas) fram|utarbeta\w*|utarbeid\w*|udarbejd\w*|erarbeit\w*|valmistel\w*|laadi\w*|"
    r"laatim\w*|draft\w*|prepar\w*|developed|utkast\w*|\w*?luonno\w*|entwurf\w*|udkast\w*|formulat\w*|formuler\w*|"
    r"helped (?:write|shape|draft|design|develop|set)|mitgestalt\w*|var med och (?:ta fram|forma|skriva)|"
    r"arbetet med (?:programmet|planen|strategin)|"
    r"arbeidet med (?:planen|strategien)|arbejdet med (?:planen|politikken|strategien)|blevet til|entstanden|"
    r"steering|ohjausryhm\w*|styrgrupp\w*|styringsgrupp\w*|styregrupp\w*|lenkungs\w*|advisory|"
    r"neuvottelukun\w*|radgiv\w*|beirat\w*)"
)

# --- revision -------------------------------------------------------------------------------------

_REVIEW = (
    r"\b(?:revider\w*|revision\w*|revise[ds]?|revising|review(?:s|ed|ing)?|update[ds]?|updating|"
    r"uppdater\w*|ses over|oversyn\w*|foljs upp|folja upp|foljas upp|uppfoljning\w*|utvarder\w*|"
    r"evaluer\w*|evaluat\w*|evaluier\w*|paivit\w*|tarkist\w*|tarkastel\w*|arvioi\w*|arviointi\w*|"
    r"seurataan|raportoi\w*|rullering\w*|rulleres|justeres|gennemga\w*|gor status|gjor status|"
    r"statusrapport\w*|status (?:over|pa|for)\b|fortgeschrieben|fortschreib\w*|uberpruf\w*|uberarbeit\w*|"
    r"aktualisier\w*|"
    r"reported|rapporteras|redovisa\w*|aterrapport\w*|reports? to the|rapport(?:er)? till|"
    r"rapporteres|rapporteret|berichtet\w*|folges op\w*|monitored|followed up)"
)
_CYCLE = (
    rf"\b{_YEAR}\b|\barlig\w*|\bannual\w*|\byearly\b|\bevery (?:\w+ )?years?\b|\beach year\b|"
    r"\bonce a year\b|\btwice a year\b|\bvart (?:\w+ )?ar\b|\bvarje ar\b|\ben gang (?:per|om) aret\b|"
    r"\bjoka (?:\w+ )?vuosi\b|\bvuosittain\w*|\bvuoden valein\b|\bvalein\b|\bkerran vuodessa\b|"
    r"\bkahdesti vuodessa\b|\bvaltuustokau\w*|\bhvert (?:\w+ )?ar\b|\bhvart (?:\w+ )?ar\b|"
    r"\balle \w+ jahre\b|\bjedes jahr\b|\bjahrlich\w*|\beinmal im jahr\b|\bhalbjahrlich\w*|"
    r"\blakisaat\w*|\bat least every\b|\bminst vart\b|\bmindst hvert\b|\bminst hvert\b|\bmindestens alle\b|"
    r"\bmandatperiod\w*|\bvalgperiode\w*|\bbyradsperiode\w*|\bkommunestyreperiode\w*|"
    r"\blegislaturperiode\w*|\bcouncil term\b|\belectoral term\b|\bmid-?term\b|\bhalvtid\w*|"
    r"\bmidtvejs\w*|\bvaliarvi\w*|\bzwischenbilanz\w*|\bquarterly\b|\bkvartal\w*|"
    r"\bneljannesvuosittain\b|\bvierteljahrlich\w*|\bbiannual\w*|\bsemi-annual\w*|"
    r"\bend of the (?:programme |program |strategy |plan )?period\b|\bslutet av (?:program|strategi|plan)?perioden\b|"
    r"\bkauden (?:lopussa|paattyessa)\b|\bved periodens (?:udlob|utlop|slutt)\b|\bam ende der laufzeit\b"
)

# A change by a figure ("raise ... to 60 per cent", "um 10 Prozent steigen") is a measurable goal when
# the sentence also makes it a target (shall, will, target, by 2026); "employment rose by 2 %" is not.
_CHANGE_BY_FIGURE = re.compile(
    _near(
        r"\b(?:increase|reduce|raise|lower|cut|rise|grow|oka|minska|sanka|hoja|nosta|vahent|laske|kasva|nouse|"
        r"auke|oke|redusere|reducere|stige|falde|erhoh|senk|steig|sink|reduzier)\w*",
        r"\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent|procent|prosent|prozent|prosenttia|prosenttiin|"
        r"prosenttiyksik\w*|procentenhet\w*|prosentpoeng|procentpoint|prozentpunkt\w*)",
    )
)
# "Mål: ... högst 30 dagar", "Target: 80% of ...", "Mål for 2025: 60 procent": a target line with a figure.
_TARGET_LINE = re.compile(
    rf"^\W*(?:mal|malet|target|goal|tavoite|malsatning|ziel|maltal|maltall|malvarde)\w*(?: (?:for|till|{_YEAR})\w*)*"
    r"(?: \d{4})?\s*:[^.]*?\d+"
)
_BOUNDED_FIGURE = re.compile(
    r"\b(?:hogst|minst|at least|at most|no more than|no fewer than|vahintaan|enintaan|mindst|hoyst|hojst|"
    r"mindestens|hochstens|within)\s+\d+"
)
# "Ansvarig: socialnämnden", "| Lead: housing team": a responsibility field of an action table.
_RESPONSIBLE_FIELD = (
    r"(?:lead|responsible|owner|ansvarig\w*|ansvar|huvudansvar\w*|vastuu\w*|ansvarlig\w*|"
    r"zustandig\w*|verantwortlich\w*|federfuhrung)\s*:"
)
_RESPONSIBLE_AT_START = re.compile(r"\W*" + _RESPONSIBLE_FIELD)
_RESPONSIBLE_IN_ROW = re.compile(r"\|\s*" + _RESPONSIBLE_FIELD)
_TARGET_WORD = re.compile(
    r"\b(?:ska|skall|skal|should|will|shall|soll\w*|tavoit\w*|target\w*|goals?|mal|malet|maalet|ziel\w*|"
    rf"aims?|by {_YEAR}|senast|vuoteen|mennessa|innen|inden|bis)\b"
)

# --- co-creation ----------------------------------------------------------------------------------

# Words that show residents or stakeholders taking part only in the right company (see _PARTICIPANTS):
# "the Labour Force Survey", "art workshops at the youth club" and "kyselytunnit" are not co-creation.
_TAKING_PART = (
    r"\b\w*?(?:enkat|kysely(?!tun)|tyopaj|workshop)\w*|"
    r"\b(?:remiss\w*|kommentoi\w*|kommentera\w*|commented|comments on|"
    r"consultations?|consulted|consulting with|surveys?|surveyed|focus groups?|fokusgrupp\w*|fokusgruppe\w*|"
    r"referensgrupp\w*|referansegrupp\w*|dialog\w*|involved|involving|involvera\w*|involver\w*|"
    r"delaktig\w*|osallist\w*|mitgewirkt|mitwirk\w*|beteiligt\w*|beteiligung\w*|invited|inbjud\w*|"
    r"invitert\w*|inviteret\w*|eingeladen|kutsuttiin|hearings?|horing\w*|samrad\w*|kuulemi\w*|"
    r"lausun\w*|innspill\w*|input|synpunkt\w*|inspel\w*|palaute\w*|indspil\w*|anregung\w*|ruckmeld\w*|"
    r"med til at|med pa at|var med och|mitgestalt\w*|mukana (?:laati|valmistel|suunnittel)\w*|"
    r"helped (?:write|shape|draft|design|develop)|sporreundersok\w*|sporgeskema\w*|befragung\w*|umfrage\w*|"
    r"interviews?|intervju\w*|haastat\w*|interview\w*)"
)

_TAKING_PART_RE = re.compile(_TAKING_PART)
_PARTICIPANTS_RE = re.compile(_PARTICIPANTS)
# A year range is a programme period beside a word for the plan or its validity in the same passage,
# not in a line of statistics ("2015–2016 many asylum seekers came").
_PERIOD_RE = re.compile(_PERIOD)
_PLAN_RE = re.compile(_PLAN_WORDS)
_DRAFTING_RE = re.compile(_DRAFTING)
_REPORTED = re.compile(
    r"\b(?:according to|enligt|ifolge|laut|mukaan|shows?|showed|visar|visade|viser|viste|zeigt\w*|osoitta\w*|"
    r"kertoo|statisti\w*)\b"
)

_CHILD_GROUPS = (
    r"\bbarn och (?:unga|ungdomar)\b|\bchildren and young people\b|\bchildren and youth\b|"
    r"\blapset ja nuoret\b|\blasten ja nuorten\b|\blapsille ja nuorille\b|\bbarn og (?:unge|ungdom)\w*|"
    r"\bborn og unge\b|\bkinder und jugendliche\w*|\bensamkommande\b|"
    r"\bunaccompanied (?:minors?|children|asylum)\b|\byksin tul\w*|\bilman huoltajaa\b|\benslige mindrearige\b|"
    r"\buledsagede\b|\bunbegleitete\w*|\bbarnets (?:basta|beste|bedste)\b|"
    r"\bbest interests? of the child\b|\blapsen (?:etu|edun)\w*|\bkindeswohl\w*"
)

PATTERNS: dict[str, re.Pattern[str]] = {
    "vision": _re(
        r"\bvision\w*",
        r"\bvisio\w*",
        r"\bvisjon\w*",
        r"\bleitbild\w*",
        r"\bleitziel\w*",
        r"\bhauptziel\w*",
        r"\boberstes ziel\b",
        r"\bubergeordnete\w* ziel\w*",
        r"\bunser ziel\b",
        r"\bdas ziel (?:der|des|ist|unserer)\b",
        r"\boverarching (?:goal|aim|objective|principle)",
        r"\boverall (?:aim|goal|objective|ambition)",
        r"\b(?:our|the) ambition\b",
        r"\bmission statement\b",
        r"\bthe aim of (?:the|this|our)\b",
        r"\bwe want (?:to be|every|all)\b",
        r"\bovergripande (?:mal|malsattning)\w*",
        r"\bhuvudmal\w*",
        r"\bmalet (?:for|med) (?:programmet|strategin|planen|arbetet|integration)\w*",
        r"\bmalsattning\w* (?:for|med|ar)\b",
        r"\bett mal (?:i|for) (?:var|den|strategin)\w*",
        r"\bsyftet med (?:programmet|strategin|planen|arbetet)\b",
        r"\bvi vill (?:vara|att alla)\b",
        r"\bpaamaara\w*",
        r"\byleistavoit\w*",
        r"\bpaatavoit\w*",
        r"\bkokonaistavoit\w*",
        r"\btahtotila\w*",
        r"\btavoitteenamme on\b",
        r"\byhteinen tavoitteemme\b",
        r"\b(?:ohjelman|strategian|suunnitelman) tavoitteena on\b",
        r"\bovergripende mal\w*",
        r"\bhovedmal\w*",
        r"\boverordnede? (?:mal|malsatning)\w*",
        r"\bformalet med (?:planen|politikken|strategien|programmet|arbeidet|arbejdet)\b",
        r"\bhensikten med (?:planen|strategien|arbeidet)\b",
        r"\bzukunft\b[^.]{0,40}\balle\b",
    ),
    "target_groups": _re(
        r"\btarget groups?\b",
        r"\bmalgrupp\w*",
        r"\bkohderyhm\w*",
        r"\bmalgruppe\w*",
        r"\bzielgruppe\w*",
        r"\bgaller (?:for|bade for)\b",
        r"\bgalder (?:for|bade for)\b",
        r"\bgjelder (?:for|bade for)\b",
        r"\bapplies to\b",
        r"\baimed at\b",
        r"\bintended for\b",
        r"\b(?:plan|strategy|programme|program|policy|service) is for\b",
        r"\bis for (?:everyone|all|people|those)\b",
        r"\briktar sig (?:till|mot)\b",
        r"\bvander sig till\b",
        r"\bar (?:avsedd|avsett) for\b",
        r"\bretter seg (?:mot|til)\b",
        r"\bhenvender sig til\b",
        r"\brichtet sich an\b",
        r"\b(?:ist|sind) (?:fur|an) [^.]{0,60}\b(?:gedacht|gerichtet|bestimmt)\b",
        r"\bon tarkoitettu\b",
        r"\b(?:omfattar|omfatter|umfasst|covers) (?:alla|alle|all|everyone|people|personer|kaikki|menschen)\b",
        r"\b(?:ohjelman|suunnitelman|strategian) kohtee\w*",
        r"\bmalrettet\b",
        r"\bkoskee (?:kaikkia|maahan|kunnassa|kaupungissa)\w*",
    ),
    "measurable_goals_or_indicators": _re(
        # Also inside compounds ("seurantaindikaattorit", "Integrationsindikatoren"); every branch starts at
        # a word boundary, which keeps the search linear and fast.
        r"\b\w*?(?:indikator|indikaattor|mittari)\w*",
        r"\b\w*?indicators?\b",
        r"\bnyckeltal\w*",
        r"\bkpis?\b",
        r"\bmaltal\w*(?! kommunen skal)",
        r"\bmalvarde\w*",
        r"\bmalniva\w*",
        r"\bmalverdi\w*",
        r"\bmalvardi\w*",
        r"\btavoitearvo\w*",
        r"\btavoitetaso\w*",
        r"\blahtotaso\w*",
        r"\bbaseline\b",
        r"\bkennzahl\w*",
        r"\bzielwert\w*",
        r"\bsucceskriteri\w*",
        r"\berfolgskriteri\w*",
        r"\bresultatmal\w*",
        r"\b(?:matbara|malbare|measurable|mitattav\w*|messbare?) (?:mal|goals?|targets?|objectives?|"
        r"tavoit\w*|ziele?|malsatning\w*|malsettinger)\b",
        r"\b(?:halve|double|halvera|fordubbla|puolitt\w*|kaksinkertaist\w*|halbier\w*|verdoppel\w*|"
        r"halvere|fordoble)\w*",
        # From one figure to another: "from 45 to 60 per cent", "55 prosentista 65 prosenttiin".
        r"\b(?:from|fran|fra|von)\s+\d+(?:[.,]\d+)?\s*(?:%|procent|prosent|prozent|per ?cent)?\s+"
        r"(?:to|till|til|auf)\s+\d+(?:[.,]\d+)?\s*(?:%|procent|prosent|prozent|per ?cent)",
        r"\b\d+(?:[.,]\d+)?\s*(?:%|prosentista)\s+\d+(?:[.,]\d+)?\s*(?:%|prosenttiin)",
        r"\b(?:ska|skall|skal|will|soll)\b[^.]{0,40}\b\d+\s?(?:%|procent|prosent|prozent|per ?cent)",
    ),
    "responsible_actors": _re(
        r"\bresponsible for\b",
        r"\b(?:has|have|takes?|holds?|with|bears?) (?:the |overall |main |lead |political )?responsibility for\b",
        r"\bresponsibility (?:for [^.]{0,60})?(?:lies|rests|sits) with\b",
        r"\bis responsible\b",
        r"\bnamed (?:lead|owner|officer|contact)\b",
        r"\bare responsible\b",
        r"\blead (?:officer|team|agency|partner|organisation|organization|department|body|service)\b",
        r"\bansvarar for\b",
        r"\bhar (?:huvud)?ansvaret for\b",
        r"\bansvarig\w* (?:for|ar)\b",
        r"\bansvaret for\b",
        r"\bansvar(?:ig|et|ar)\b",
        r"\bvastaa\b",
        r"\bvastaavat\b",
        r"\bvastuussa\b",
        r"\bvastuu(?:taho|henkilo|yksikko|alue)\w*",
        r"\bvastaa\w* (?:ohjelman|toimeenpan)\w*",
        r"\bvastuu\w* on\b",
        r"\bansvarleg\w*",
        r"\bansvarlig\w*",
        r"\bhar ansvaret\b",
        r"\bansvaret (?:ligger|ligg) hos\b",
        r"\bzustandig\w*",
        r"\bverantwortlich\w*",
        r"\bfederfuhrend\w*",
        r"\bliegt (?:bei|in der hand)\b",
        r"\bpolicy team\b",
        r"\bteam to deliver\b",
        r"\bfoljer upp (?:utfallet|malen|arbetet)\b",
        r"\bsamordnas (?:genom|av)\b",
        r"\bkoordinoi\w*\b",
        r"\bkoordinere\w* (?:arbeidet|arbejdet|indsatsen)\b",
        r"\bkoordiniert\b",
    ),
    "timeline": _re(
        r"\bprogramperiod\w*",
        r"\bstrategiperiod\w*",
        r"\bplanperiod\w*",
        r"\bohjelmakau\w*",
        r"\bstrategiakau\w*",
        r"\bsuunnitelmakau\w*",
        r"\bprogrammlaufzeit\b",
        r"\blaufzeit (?:von|bis|des)\b",
        r"\bgeltungsdauer\b",
        r"\b(?:timeline|timetable|time ?frame|tidsplan\w*|tidplan\w*|aikataulu\w*|zeitplan\w*|"
        r"meilenstein\w*|milestones?)\b",
        r"\b(?:short|medium|long)[- ]term\b(?! (?:unemploy|sick|ill|care|health|residen|condition))",
        r"\bby (?:the end of |the spring of |the autumn of |spring |autumn |summer |winter )?" + _YEAR,
        r"\b(?:senast|fram till|till och med|innan) (?:\w+ )?" + _YEAR,
        r"\bvuoteen " + _YEAR,
        rf"\b(?:vuoden )?{_YEAR}(?: \w+)? mennessa\b",
        rf"\b(?:innen|inden) (?:utgangen av |udgangen af |\w+ )?{_YEAR}",
        r"\bbis (?:ende |zum jahr |spatestens )?" + _YEAR,
        r"\bvuosille\b",
        r"\bde neste \d+ arene\b",
        r"\bfor (?:aren|arene|the years|the period)\b",
        r"\bfur die jahre\b",
        r"\bgilt bis\b",
        rf"\b(?:galler|gjelder|galder|gilt|voimassa|runs|valid|in force|lauft|loper|lober)\b[^.]{{0,40}}\b{_YEAR}\b",
        rf"\b{_YEAR} loppuun\b",
    ),
    "revision_or_evaluation_date": _re(
        _near(_REVIEW, _CYCLE),
        r"\b(?:annual|yearly|arlig|vuosittainen|arlige?|jahrliche?) (?:review|revision|evaluation|"
        r"uppfoljning|utvardering|arviointi|revidering|evaluering|statusrapport|oppfolging|opfolgning|"
        r"uberprufung|evaluation|fortschreibung)\w*",
        r"\blakisaateinen paivitys\w*",
        r"\bat least (?:once )?every (?:four|two|three|five|\d) years\b",
        r"\bminst (?:en gang )?vart (?:fjarde|tredje|annat|femte) ar\b",
        r"\b(?:vahintaan )?(?:kerran )?(?:neljan|kolmen|kahden|viiden) vuoden valein\b",
        r"\b(?:vahintaan )?kerran valtuustokaudessa\b",
        r"\bvaltuustokausittain\b",
        r"\b(?:minst|mindst) (?:en gang )?(?:hvert|hvart) (?:fjerde|tredje|andre|andet|femte) ar\b",
        r"\bmindestens alle (?:vier|drei|zwei|funf) jahre\b",
        r"\b(?:varje|en gang per|en gang varje) mandatperiod\b",
        r"\b(?:hver|en gang hver|en gang per) (?:valgperiode|kommunestyreperiode|byradsperiode)\b",
        r"\b(?:mid-?term|halvtids|midtvejs|valiarvi)\w* (?:review|evaluation|utvardering|evaluering|arvio\w*)",
    ),
    "co_creation_described": _re(
        r"\bco-?creat\w*",
        r"\bco-?design\w*",
        r"\bco-?produc\w*",
        r"\blived experience\b",
        r"\bmedskap\w*",
        r"\bsamskap\w*",
        r"\byhteiskehit\w*",
        r"\byhteissuunnit\w*",
        r"\bmedborgardialog\w*",
        r"\binnbyggerdialog\w*",
        r"\bborgerinddragelse\w*",
        r"\binddragelse af\b",
        r"\bmedvirkning\w*",
        r"\b(?:adressaten|burger)beteiligung\w*",
        r"\bbeteiligung (?:der|von) (?:migrant|zugewandert|burger|betroffen)\w*",
        r"\bunter beteiligung\b",
        r"\beinbezogen\b",
        r"\beinbezieh\w*",
        r"\bin die planung\b",
        r"\bin consultation with\b",
        r"\b(?:developed|drafted|prepared|produced|written|designed|shaped) (?:with|together with|jointly with|"
        r"in partnership with|in collaboration with|in dialogue with)\b",
        r"\b(?:tagits fram|togs fram|utarbetat\w*|arbetats fram) "
        r"(?:tillsammans|i samarbete|i dialog|i samverkan) med\b",
        r"\b(?:valmistel|laadi)\w*" + _GAP + r"\b(?:yhdessa|yhteistyossa)\b",
        r"\butarbeid\w* i (?:samarbeid|dialog) med\b",
        r"\budarbejd\w* i (?:samarbejde|dialog) med\b",
        r"\bblevet til i (?:samarbejde|dialog) med\b",
        r"\berarbeitet (?:gemeinsam|zusammen) mit\b",
        r"\bi dialog med\b",
        r"\bi samarbete med representanter\b",
        r"\binnvandrerrad\w*",
        r"\bintegrationsrad\w*",
        r"\bindvandrerrad\w*",
        r"\bintegrationsbeirat\w*",
        r"\bauslanderbeirat\w*",
        r"\bmigrantenbeirat\w*",
        r"\bmigrationsbeirat\w*",
        r"\bmonikulttuurisuusneuvost\w*",
        r"\bmaahanmuuttajaneuvost\w*",
        r"\bmaahanmuuttajajarjesto\w*",
        r"\bmaahanmuuttajien edustaj\w*",
        r"\bvaikuttamismahdollisuu\w*",
        r"\bosallist\w* (?:valmistel|laadint)\w*",
        r"\bmigrant(?:s'|s)? (?:voice|participation|forum|council|advisory)\w*",
        r"\brefugee (?:and migrant )?forum\b",
        r"\bmigrant-led\b",
        r"\brefugee-led\b",
        r"\brepresentatives of (?:migrant|refugee|communit)\w*",
        r"\brepresentanter (?:for|fran) (?:invandrar|olika|foreningar|civilsamhallet|innvandrer|indvandrer)\w*",
        r"\bmultiple stakeholders?\b",
        r"\bmulti-stakeholder\b",
        r"\bengaging a wide range\b",
    ),
    "children_perspective": _re(
        r"\bbarnperspektiv\w*",
        r"\bbarnkonvention\w*",
        r"\bbarnkonsekvens\w*",
        r"\bbarnekonsekvens\w*",
        r"\bbornekonsekvens\w*",
        r"\bbarnratt\w*",
        r"\blapsivaikutu\w*",
        r"\blapsen oikeu\w*",
        r"\blapsiystavall\w*",
        r"\blapsilahtoi\w*",
        r"\buncrc\b",
        r"\brights of the child\b",
        r"\bchildren'?s rights\b",
        r"\bchild impact\b",
        r"\bchild-friendly\b",
        r"\bbarnekonvensjon\w*",
        r"\bbornekonvention\w*",
        r"\bborneperspektiv\w*",
        r"\bbarneperspektiv\w*",
        r"\bkinderrecht\w*",
        r"\bkinderfreundlich\w*",
        _CHILD_GROUPS,
    ),
}

# Several passages naming the people the strategy is for also show its target groups.
_GROUP_WORDS = re.compile(
    r"\b(?:refugees?|migrants?|immigrants?|newcomers?|new arrivals?|asylum seekers?|people seeking sanctuary|"
    r"third-country nationals|foreign-born|born abroad|nyanland\w*|invandrar\w*|flykting\w*|utrikes fodda|"
    r"maahanmuuttaj\w*|maahan muutta\w*|pakolai\w*|vieraskieli\w*|ulkomaalaistaust\w*|"
    r"flyktning\w*|innvandr\w*|flygtning\w*|indvandr\w*|nye borgere|\w*?zugewandert\w*|eingewandert\w*|"
    r"\w*?gefluchtet\w*|migrationshintergrund|migrant\w*|utlandsk bakgrund|utenlandsk bakgrunn|"
    r"(?:einwanderungs|zuwanderungs|migrations)geschicht\w*|anden etnisk baggrund|ikke-vestlig\w*)\b"
)


# "Revised when needed" names no date and no cycle: not a revision date, not a timeline.
_AS_NEEDED = re.compile(
    r"\b(?:when|as|if|where) (?:needed|necessary|required)\b|\bvid behov\b|\bnar behov\w*|\bom behov\w*|"
    r"\btarvittaessa\b|\btarpeen mukaan\b|\btarpeen vaatiessa\b|\bved behov\b|\bnar det er behov\b|"
    r"\bbei bedarf\b|\bnach bedarf\b|\befter behov\b"
)
_DATED_OR_PERIODIC = re.compile(
    rf"{_YEAR}|\bevery\b|\bannual\w*|\byearly\b|\barlig\w*|\bvarje\b|\bvart\b|\bvuosittain\w*|"
    r"\bjoka\b|\bvalein\b|\bhvert\b|\bhvart\b|\bjahrlich\w*|\balle \w+ jahre\b|\bkausi\w*|\bperiod\w*"
)
# Children and young people below adulthood; "young adults" (unga vuxna, nuoret aikuiset) are not.
_CHILD_WORDS = re.compile(
    r"\b(?:child\w*|kid\w*|pupils?|minors?|teenager\w*|adolescen\w*|young people|youth\w*|"
    r"barn\w*|elev\w*|ungdom\w*|unga\b(?! vuxna)|tonaring\w*|minderarig\w*|ensamkommande\w*|"
    r"lap\w*|nuor\w*(?<!aikuiset)|oppila\w*|alaikai\w*|koululai\w*|"
    r"born\w*|unge\b(?! voksne)|ungdom\w*|elever\w*|mindrearig\w*|"
    r"kind\w*|jugend\w*|schuler\w*|minderjahrig\w*)\b"
)
_YOUNG_ADULTS = re.compile(
    r"\b(?:young adults?|unga vuxna|nuoret aikuiset|nuorten aikuisten|nuorille aikuisille|unge voksne|"
    r"junge erwachsene\w*)\b"
)


def names_children(folded: str) -> bool:
    """Children or young people are the subject, not only young adults."""
    return bool(_CHILD_WORDS.search(_YOUNG_ADULTS.sub(" ", folded)))


def counts_for(name: str, folded: str) -> bool:
    """Rules a pattern alone cannot say: an "as needed" revision is no date or cycle."""
    if name in ("revision_or_evaluation_date", "timeline") and _AS_NEEDED.search(folded):
        return bool(_DATED_OR_PERIODIC.search(_AS_NEEDED.sub(" ", folded)))
    return True


def _in_company(name: str, folded: str) -> re.Match[str] | None:
    """Matches that count only beside another word of the same sentence or passage."""
    if name == "measurable_goals_or_indicators":
        found = _TARGET_LINE.search(folded)
        if found or not _TARGET_WORD.search(folded):
            return found
        return _CHANGE_BY_FIGURE.search(folded) or _BOUNDED_FIGURE.search(folded)
    if name == "co_creation_described":
        # "A national survey shows that ..." reports a finding; the residents took part in nothing here.
        found = _TAKING_PART_RE.search(folded)
        # Taking part in drafting or steering the plan (the taxonomy's definition), not in an activity:
        # "workshops for newcomers" is a service, "workshops on the draft programme" is co-creation.
        if not found or not (
            _DRAFTING_RE.search(folded) or (_PARTICIPANTS_RE.search(folded) and _PLAN_RE.search(folded))
        ):
            return None
        if _REPORTED.search(folded) and not _DRAFTING_RE.search(folded):
            return None
        return found
    if name == "responsible_actors":
        return _RESPONSIBLE_AT_START.match(folded) or _RESPONSIBLE_IN_ROW.search(folded)
    if name == "timeline":
        found = _PERIOD_RE.search(folded)
        return found if found and _PLAN_RE.search(folded) else None
    return None


@dataclass
class ElementResult:
    present: bool
    evidence: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"present": self.present, "evidence": self.evidence}


def _evidence(passage, matched: str) -> dict:
    return {"passage_id": passage.id, "page": passage.page, "text": passage.text, "match": matched}


def detect_elements(passages, labels=None, max_evidence: int = 3) -> dict[str, ElementResult]:
    """Check every element on the passages; ``labels`` are the classifier's results."""
    folded = {i: fold(p.text) for i, p in enumerate(passages)}
    usable = [(i, p) for i, p in enumerate(passages) if p.kind not in IGNORED_KINDS]
    headings = [(i, p) for i, p in enumerate(passages) if p.kind == "heading"]
    results: dict[str, ElementResult] = {}
    for name in ELEMENTS:
        evidence = []
        for i, p in usable + (headings if name in HEADING_ELEMENTS else []):
            m = PATTERNS[name].search(folded[i]) or _in_company(name, folded[i])
            if m and counts_for(name, folded[i]):
                evidence.append(_evidence(p, m.group(0)))
                if len(evidence) == max_evidence:
                    break  # the first few passages in reading order are the evidence shown
        results[name] = ElementResult(bool(evidence), evidence[:max_evidence])
    # Who the strategy is for: the people it names in a passage about the plan itself ("the programme
    # supports refugees ..."), not any sentence that mentions migrants.
    groups = [(i, p) for i, p in usable if _GROUP_WORDS.search(folded[i]) and _PLAN_RE.search(folded[i])]
    if not results["target_groups"].present and groups:
        results["target_groups"] = ElementResult(
            True, [_evidence(p, _GROUP_WORDS.search(folded[i]).group(0)) for i, p in groups[:max_evidence]]
        )
    if labels is not None and not results["children_perspective"].present:
        chi = [(i, p) for i, p in usable if "CHI" in labels[i].labels and names_children(folded[i])]
        if chi:
            results["children_perspective"] = ElementResult(
                True, [_evidence(p, ", ".join(labels[i].terms.get("CHI", []))) for i, p in chi[:max_evidence]]
            )
    return results
