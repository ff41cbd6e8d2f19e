"""Factories for indicators and observations; every row gets its organisation explicitly."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone
from tests.factories import OrganisationFactory

from samskapa.indicators.models import Direction, Indicator, Observation, Source
from samskapa.indicators.standing import status_refresh


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Indikator {n}")
    unit = "%"
    direction = Direction.HIGHER
    source = Source.MANUAL
    home_area = factory.LazyAttribute(lambda i: i.organisation.municipality_code or "home")


class KoladaIndicatorFactory(IndicatorFactory):
    source = Source.KOLADA
    source_config = factory.LazyFunction(lambda: {"kpi": "N00973"})
    national_area = "0000"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    organisation = factory.SelfAttribute("indicator.organisation")
    area_code = factory.SelfAttribute("indicator.home_area")
    period_start = date(2024, 1, 1)
    period_end = date(2024, 12, 31)
    value = Decimal("50.0")
    source = "manual"
    fetched_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # What the services do after every write: keep the indicator's stored status in step.
        if create:
            status_refresh([instance.indicator])


def series(indicator, values: dict[int, float], area: str | None = None, **fields):
    """Yearly observations of ``indicator`` from ``{year: value}``."""
    return [
        ObservationFactory(
            indicator=indicator,
            area_code=area or indicator.home_area,
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            value=Decimal(str(value)),
            **fields,
        )
        for year, value in values.items()
    ]
