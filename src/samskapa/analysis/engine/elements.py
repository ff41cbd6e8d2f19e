"""The eight structural elements a strategy document is checked for, with evidence.

Each element is a set of multilingual patterns (on accent-folded text) applied to the
document's passages; headings, table-of-contents lines and page furniture do not count.
``children_perspective`` also uses the classifier: a passage labelled CHI is evidence.
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
_PERIOD = rf"{_YEAR}\s*(?:-|–|—|/|till|to|until|bis)\s*(?:{_YEAR}|\d\d)\b"


def _re(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


PATTERNS: dict[str, re.Pattern[str]] = {
    "vision": _re(
        r"\bvision\w*",
        r"\bvisio\w*",
        r"\bvisjon\w*",
        r"\bleitbild\w*",
        r"overarching (?:goal|aim|objective|principle)",
        r"overall (?:aim|goal|objective)",
        r"\bour ambition\b",
        r"overgripande (?:mal|malsattning)\w*",
        r"\bmalet (?:for|med) \w+",
        r"\bmalsattning\w* (?:for|med|ar)\b",
        r"\bpaamaara\w*",
        r"\byleistavoit\w*",
        r"\bovergripende mal\w*",
        r"\boverordnede? mal\w*",
        r"\bformalet med\b",
        r"\bleitziel\w*",
        r"\bdas ziel (?:der|des|ist)\b",
        r"\bsyftet med\b",
        r"\btavoitteena on\b",
        r"\bett mal (?:i|for) (?:var|den|strategin)\w*",
        r"\bthe aim of (?:the|this|our)\b",
        r"\bwe want (?:to be|every|all)\b",
        r"\bvi vill (?:vara|att alla)\b",
        r"\bhensikten med\b",
        r"\bformalet\b",
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
        r"\bapplies to\b",
        r"\baimed at\b",
        r"\briktar sig (?:till|mot)\b",
        r"\bkoskee (?:kaikkia|maahan)\w*",
    ),
    "measurable_goals_or_indicators": _re(
        r"\bindicators?\b",
        r"\bindikator\w*",
        r"\bindikaattor\w*",
        r"\bmittari\w*",
        r"\bnyckeltal\w*",
        r"\bkpis?\b",
        r"\bmaltal\w*(?! kommunen skal)",
        r"\bkennzahl\w*",
        r"(?:increase|reduce|raise|halve|double|oka|minska|halvera|nostaa|vahentaa|puolittaa|"
        r"auke|redusere|oge|erhohen|senken)\w*[^.]{0,60}\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent|"
        r"procent|prosent|prosenttia)",
    ),
    "responsible_actors": _re(
        r"\bresponsible for\b",
        r"\bresponsibility for\b",
        r"\blead (?:officer|team|agency)\b",
        r"\bansvarar for\b",
        r"\bhar ansvar(?:et)? for\b",
        r"\bansvarig\w* (?:for|ar)\b",
        r"\bansvaret for\b",
        r"\bvastaa\b",
        r"\bvastuussa\b",
        r"\bvastuutaho\w*",
        r"\bansvarleg\w*",
        r"\bansvarlig\w*",
        r"\bzustandig\w*",
        r"\bverantwortlich\w*",
        r"\bhar ansvaret\b",
        r"\bpolicy team\b",
        r"\bteam to deliver\b",
        r"\blead (?:partner|organisation|department)\b",
        r"\bansvar(?:ig|et|ar)\b",
        r"\bvastuu(?:taho|henkilo|yksikko)\w*",
        r"\bvastaa\w* (?:ohjelman|toimeenpan)\w*",
        r"\bfoljer upp (?:utfallet|malen|arbetet)\b",
        r"\bsamordnas (?:genom|av)\b",
        r"\bkoordinoi\w*\b",
        r"\bkoordiniert\b",
        r"\bfederfuhrend\w*",
    ),
    "timeline": _re(
        _PERIOD,
        r"\b(?:short|medium|long)[- ]term\b",
        r"\bby (?:the end of )?" + _YEAR,
        r"\b(?:senast|fram till|till och med|innan) (?:\w+ )?" + _YEAR,
        r"\bvuoteen " + _YEAR,
        r"\bvuosille\b",
        r"\bplanperiode\w*",
        r"\bprogramperiod\w*",
        r"\bohjelmakau\w*",
        r"\bde neste \d+ arene\b",
        r"\bbis " + _YEAR,
        r"\bfor (?:aren|the years|the period)\b",
    ),
    "revision_or_evaluation_date": _re(
        rf"\b(?:revider\w*|revision|reviewed?|review of|update[ds]?|uppdater\w*|paivit\w*|"
        rf"tarkist\w*|rullering\w*|rulleres|evaluer\w*|utvarder\w*|arvioi\w*|fortgeschrieben|"
        rf"fortschreib\w*|uberpruf\w*)[^.]{{0,80}}(?:{_YEAR}|arlig\w*|annual\w*|every \w+ years?|"
        rf"each year|vart \w+ ar|varje ar|joka \w+ vuosi|vuosittain|valtuustokau\w*|"
        rf"hvert \w+ ar|alle \w+ jahre|jahrlich\w*|lakisaat\w*|at least every|minst vart|vahintaan|"
        rf"mindst hvert|minst hvert|mindestens alle|mandatperiod\w*|valtuustokau\w*|valgperiode\w*|"
        rf"byradsperiode\w*|kommunestyreperiode\w*|legislaturperiode\w*|council term|electoral term)",
        r"\b(?:annual|yearly|arlig|vuosittainen|arlige?) (?:review|revision|evaluation|"
        r"uppfoljning|utvardering|arviointi|revidering|evaluering)\w*",
        r"\blakisaateinen paivitys\w*",
        r"\bat least (?:once )?every (?:four|two|three|five|\d) years\b",
        r"\bminst (?:en gang )?vart (?:fjarde|tredje|annat|femte) ar\b",
        r"\b(?:vahintaan )?(?:kerran )?(?:neljan|kolmen|kahden|viiden) vuoden valein\b",
        r"\b(?:vahintaan )?kerran valtuustokaudessa\b",
        r"\bvaltuustokausittain\b",
        r"\b(?:minst|mindst) (?:en gang )?(?:hvert|hvart) (?:fjerde|tredje|andre|femte) ar\b",
        r"\bmindestens alle (?:vier|drei|zwei|funf) jahre\b",
        r"\b(?:varje|en gang per|en gang varje) mandatperiod\b",
        r"\b(?:hver|en gang hver|en gang per) (?:valgperiode|kommunestyreperiode|byradsperiode)\b",
    ),
    "co_creation_described": _re(
        r"\bconsult\w*",
        r"\bco-?creat\w*",
        r"\bco-?design\w*",
        r"\bco-?produc\w*",
        r"\blived experience\b",
        r"\bfocus groups?\b",
        r"\bworkshops?\b",
        r"\bsurvey\w*",
        r"\bmedskap\w*",
        r"\bsamskap\w*",
        r"\bfokusgrupp\w*",
        r"\benkat\w*",
        r"\bi dialog med\b",
        r"\bi samarbete med representanter\b",
        r"\breferensgrupp\w*",
        r"\btyopaja\w*",
        r"\bkysely\w*",
        r"\bkuuleminen\b",
        r"\bkuulemis\w*",
        r"\bosallist\w* "
        r"(?:valmistel|laadint)\w*",
        r"\byhdessa \w+ (?:kanssa )?(?:valmistel|laadit)\w*",
        r"\bhoring\w*",
        r"\bmedvirkning\w*",
        r"\bborgerinddragelse\w*",
        r"\binddragelse af\b",
        r"\badressatenbeteiligung\w*",
        r"\bbeteiligung der\b",
        r"\bburgerbeteiligung\w*",
        r"\bin consultation with\b",
        r"\bdeveloped (?:with|together with|in partnership with)\b",
        r"\bengaging a wide range\b",
        r"\bmigrants?' (?:voice|participation)\b",
        r"\bvaikuttamismahdollisuu\w*",
        r"\bmigrant-led\b",
        r"\brefugee-led\b",
        r"\brefugee (?:and migrant )?forum\b",
        r"\bcommunity organisations\b",
        r"\brepresentatives of (?:migrant|refugee|communit)\w*",
        r"\brepresentanter (?:for|fran) (?:invandrar|olika|foreningar|civilsamhallet)\w*",
        r"\bmaahanmuuttajien edustaj\w*",
        r"\bmaahanmuuttajajarjesto\w*",
        r"\blausunto\w*",
        r"\bosallistettu\w*",
        r"\beinbezogen\b",
        r"\beinbezieh\w*",
        r"\bin die planung\b",
        r"\binnvandrerrad\w*",
        r"\bintegrationsrad\w*",
        r"\bindvandrerrad\w*",
        r"\bmultiple stakeholders?\b",
        r"\bmulti-stakeholder\b",
    ),
    "children_perspective": _re(
        r"\bbarnperspektiv\w*",
        r"\bbarnkonvention\w*",
        r"\bbarnkonsekvens\w*",
        r"\blapsivaikutu\w*",
        r"\blapsen oikeu\w*",
        r"\buncrc\b",
        r"\brights of the child\b",
        r"\bchild impact\b",
        r"\bbarnekonvensjon\w*",
        r"\bbornekonvention\w*",
        r"\bkinderrecht\w*",
    ),
}

# Several passages naming the people the strategy is for also show its target groups.
_GROUP_WORDS = re.compile(
    r"\b(?:refugees?|migrants?|immigrants?|newcomers?|asylum seekers?|people seeking sanctuary|"
    r"third-country nationals|nyanland\w*|invandrar\w*|flykting\w*|utrikes fodda|"
    r"maahanmuuttaj\w*|maahan muutta\w*|pakolai\w*|vieraskieli\w*|ulkomaalaistaust\w*|"
    r"flyktning\w*|innvandr\w*|flygtning\w*|indvandr\w*|nye borgere|zugewandert\w*|"
    r"gefluchtet\w*|migrant\w*)\b"
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
    r"\b(?:young adults?|unga vuxna|nuoret aikuiset|nuorten aikuisten|unge voksne|junge erwachsene)\b"
)


def names_children(folded: str) -> bool:
    """Children or young people are the subject, not only young adults."""
    return bool(_CHILD_WORDS.search(_YOUNG_ADULTS.sub(" ", folded)))


def counts_for(name: str, folded: str) -> bool:
    """Rules a pattern alone cannot say: an "as needed" revision is no date or cycle."""
    if name in ("revision_or_evaluation_date", "timeline") and _AS_NEEDED.search(folded):
        return bool(_DATED_OR_PERIODIC.search(_AS_NEEDED.sub(" ", folded)))
    return True


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
            m = PATTERNS[name].search(folded[i])
            if m and counts_for(name, folded[i]):
                evidence.append(_evidence(p, m.group(0)))
        results[name] = ElementResult(bool(evidence), evidence[:max_evidence])
    groups = [(i, p) for i, p in usable if _GROUP_WORDS.search(folded[i])]
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
