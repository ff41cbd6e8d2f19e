"""Words from other apps that the public pages show: the statuses of actions, consultations and
indicators, the forms of consultation and the groups heard. They are named here again (the same
msgids as in their apps) so that the public pages' own catalogues (Arabic) translate them too;
the apps' labels then read in the reader's language wherever Django looks them up.
"""

from django.utils.translation import gettext_noop

SHOWN_LABELS = (
    # actions.Status
    gettext_noop("Planned"),
    gettext_noop("Ongoing"),
    gettext_noop("Done"),
    gettext_noop("Delayed"),
    gettext_noop("Cancelled"),
    # cocreation.Consultation.Status and Kind
    gettext_noop("Open"),
    gettext_noop("Held"),
    gettext_noop("Interview"),
    gettext_noop("Focus group"),
    gettext_noop("Workshop"),
    gettext_noop("Survey"),
    gettext_noop("Co-creation committee meeting"),
    gettext_noop("Public meeting"),
    gettext_noop("Online consultation"),
    # cocreation.Group
    gettext_noop("Newcomers"),
    gettext_noop("Children and youth"),
    gettext_noop("Women"),
    gettext_noop("Host community"),
    gettext_noop("Municipal staff"),
    gettext_noop("NGOs and civil society"),
    gettext_noop("Businesses"),
    # indicators: how it is going, which direction is better, where the values come from
    gettext_noop("On track"),
    gettext_noop("At risk"),
    gettext_noop("Off track"),
    gettext_noop("No status"),
    gettext_noop("Higher is better"),
    gettext_noop("Lower is better"),
    gettext_noop("Neither: a figure for context"),
    gettext_noop("Entered by hand or from a CSV/XLSX file"),
    gettext_noop("Kolada (Swedish municipal key figures)"),
    gettext_noop("Statistics Sweden (PxWeb)"),
    gettext_noop("Statistics Finland (PxWeb)"),
    gettext_noop("Eurostat"),
)
