"""At least two good practices for every area of the framework, one or more from Sweden or Finland,
each with a link to the page of the organisation that runs it (summaries in our own words)."""

from django.db import migrations

PRACTICES = [
    {
        "title": "Samhälls- och hälsokommunikatörer",
        "practised_by": "Länsstyrelsen Skåne with the municipalities of Skåne (Partnerskap Skåne)",
        "country": "Sweden",
        "summary": "Civic orientation for newly arrived refugees given in their own language by trained "
        "communicators, with added modules on health, self-care and finding one's way in the care system; "
        "participants answer a questionnaire after each block so the content keeps improving.",
        "areas": ["INF", "HEA", "GOV"],
        "link": "https://www.lansstyrelsen.se/skane/om-oss/nyheter-och-press/nyheter---skane/"
        "2019-09-18-who-uppmarksammar-skansk-halsokommunikation-for-nyanlanda.html",
    },
    {
        "title": "Partnerskap Skåne",
        "practised_by": "Länsstyrelsen Skåne, Region Skåne and the municipalities of Skåne",
        "country": "Sweden",
        "summary": "A regional platform where the county administrative board, the region, municipalities, "
        "researchers and civil society plan the reception of newcomers together, with health treated as a "
        "condition for settling in rather than an afterthought.",
        "areas": ["GOV", "HEA"],
        "link": "http://www.lansstyrelsen.se/skane/Sv/manniska-och-samhalle/integration/partnerskap-skane/"
        "Pages/partnerskap-skane.aspx",
    },
    {
        "title": "Stadsdelsmammor",
        "practised_by": "Stockholms stad",
        "country": "Sweden",
        "summary": "Women who were once new to Sweden themselves are employed by the district administrations "
        "to seek out foreign-born women in their neighbourhood, accompany them to authorities and help them "
        "towards language courses, work and local activities.",
        "areas": ["EQU", "INF", "PAR", "EMP"],
        "link": "https://start.stockholm/om-stockholms-stad/stockholmarnas-fokus/trygghet/"
        "arbete-i-stadens-offentliga-miljo/stadsdelsmammor/",
    },
    {
        "title": "Jobbsprånget",
        "practised_by": "Kungl. Ingenjörsvetenskapsakademien (IVA)",
        "country": "Sweden",
        "summary": "A four-month internship programme that matches newly arrived engineers, architects, "
        "scientists and economists with employers across the country; the internship can be done in English.",
        "areas": ["EMP"],
        "link": "https://jobbspranget.se/about-jobbspranget/",
    },
    {
        "title": "Läxhjälpsprogrammet",
        "practised_by": "Stiftelsen Läxhjälpen",
        "country": "Sweden",
        "summary": "Paid university students meet the same small groups of lower-secondary pupils twice a "
        "week in schools below the national average, so that pupils at risk of failing reach upper-secondary "
        "eligibility; results are measured every year.",
        "areas": ["CHI", "EDU"],
        "link": "https://laxhjalpen.se/skolans-omojliga-ekvationer/",
    },
    {
        "title": "Svenska från dag ett",
        "practised_by": "Folkbildningsrådet, study associations and folk high schools",
        "country": "Sweden",
        "summary": "Swedish and basic knowledge of society for asylum seekers and for people still living in "
        "the Migration Agency's housing after getting a permit, so that the waiting time is used and "
        "settling in goes faster afterwards.",
        "areas": ["EDU", "INF"],
        "link": "https://www.folkbildningsradet.se/studieforbund/"
        "etablering-arbetsmarknadsatgarder-och-manskliga-rattigheter/svenska-fran-dag-ett-och-vardagssvenska/",
    },
    {
        "title": "Segregationsbarometern",
        "practised_by": "Delegationen mot segregation (Delmos)",
        "country": "Sweden",
        "summary": "A public statistics tool with some twenty indicators on work, housing, education, "
        "democracy and health, broken down by small areas, sex and country of birth, so municipalities can "
        "follow residential segregation over time and target their measures.",
        "areas": ["MON", "HOU"],
        "link": "https://delmos.se/aktuellt/pressmeddelanden/delmos-lanserar-nytt-verktyg-for-att-bryta-segregationen/",
    },
    {
        "title": "Asunto ensin – Housing First homes",
        "practised_by": "Y-Säätiö (Y-Foundation)",
        "country": "Finland",
        "summary": "A non-profit foundation set up by cities, the church and others buys and builds ordinary "
        "rental flats across Finland and lets them, with normal leases, to people who have no home or risk "
        "losing one; support services come after the home, not before.",
        "areas": ["HOU"],
        "link": "https://ysaatio.fi/en/about-us/history/",
    },
    {
        "title": "Luetaan yhdessä – Let's Read Together",
        "practised_by": "Suomen Akateemisten Naisten Liitto with partner women's organisations",
        "country": "Finland",
        "summary": "Volunteer teachers run weekly, free literacy and Finnish or Swedish groups, mainly for "
        "immigrant women who fall outside formal integration training, such as mothers at home and older "
        "learners; small children can come along.",
        "areas": ["EDU", "EQU", "PAR"],
        "link": "http://www.luetaanyhdessa.fi/let_s_read_together.html",
    },
    {
        "title": "Harrastamisen Suomen malli",
        "practised_by": "Salon kaupunki (with the Ministry of Education and Culture)",
        "country": "Finland",
        "summary": "Every pupil is offered a free hobby of their choice at or near school, right before or "
        "after the school day; what is offered follows what pupils say they want in recurring surveys.",
        "areas": ["CHI", "PAR"],
        "link": "https://salo.fi/vapaa-aika-ja-matkailu/nuoriso/harrastamisen-suomen-malli",
    },
    {
        "title": "Welcome to Helsinki",
        "practised_by": "Helsingin kaupunki",
        "country": "Finland",
        "summary": "The city's own site for people moving to Helsinki from abroad, gathering practical advice "
        "on the city's services, everyday life and opportunities in one place.",
        "areas": ["INF"],
        "link": "https://welcome.hel.fi/about-the-site",
    },
    {
        "title": "Kotoutumisen indikaattorit -tietokanta",
        "practised_by": "Kotoutumisen osaamiskeskus (Ministry of Economic Affairs and Employment)",
        "country": "Finland",
        "summary": "An open database of integration indicators in five themes – employment, education, "
        "wellbeing, participation and two-way integration – built from registers and a national survey, "
        "which municipalities can filter by area, sex, age and origin to follow their own situation.",
        "areas": ["MON"],
        "link": "https://kotoutuminen.fi/kotoutumisen-indikaattorit-tietokanta",
    },
    {
        "title": "Gesamtstädtisches Integrationskonzept",
        "practised_by": "Landeshauptstadt Düsseldorf, Kommunales Integrationszentrum",
        "country": "Germany",
        "summary": "A city-wide integration concept drawn up with the welfare organisations and all "
        "departments, with eight fields of action and goals per field; the municipal integration centre "
        "steers its implementation with partners, including an annual integration conference.",
        "areas": ["GOV"],
        "link": "https://www2.duesseldorf.de/amt-fuer-migration-und-integration/kommunales-integrationszentrum/"
        "integrationskonzept",
    },
    {
        "title": "Refugee and Migrant Integration Statement of Strategic Intent",
        "practised_by": "Islington Council",
        "country": "United Kingdom",
        "summary": "Instead of separate services, the council builds the needs of refugees and migrants into "
        "everyday services – housing, education, health, information and advice – working with the local "
        "refugee forum and community organisations, as part of its equality duty.",
        "areas": ["INF", "GOV", "EQU"],
        "link": "https://www.islington.gov.uk/advice/asylum-immigration/refugees_migrants/refugees",
    },
    {
        "title": "Welcome Strategy and Welcome Advisory Board",
        "practised_by": "Haringey Council",
        "country": "United Kingdom",
        "summary": "A borough welcome strategy shaped with community and voluntary organisations, followed "
        "by a cross-party advisory board with community members and an action plan monitored for progress.",
        "areas": ["GOV", "MON"],
        "link": "https://www.minutes.haringey.gov.uk/ieIssueDetails.aspx?IId=67895&Opt=3",
    },
]


def seed(apps, schema_editor):
    GoodPractice = apps.get_model("analysis", "GoodPractice")
    for practice in PRACTICES:
        GoodPractice.objects.update_or_create(title=practice["title"], organisation=None, defaults=practice)


def unseed(apps, schema_editor):
    apps.get_model("analysis", "GoodPractice").objects.filter(
        organisation=None, title__in=[p["title"] for p in PRACTICES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("analysis", "0003_document_publisher_year_mode")]
    operations = [migrations.RunPython(seed, unseed)]
