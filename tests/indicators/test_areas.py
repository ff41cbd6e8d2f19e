"""Area names: Sweden's known before any fetch, others kept as the sources name them."""

import pytest

from samskapa.indicators.areas import areas_remember, swedish_areas, swedish_areas_load
from samskapa.indicators.models import Area
from samskapa.indicators.sources.base import AreaName

pytestmark = pytest.mark.django_db


def test_swedens_municipalities_and_counties_are_there_before_any_fetch():
    assert Area.objects.get(scheme="kolada", code="1463").name == "Mark"
    assert Area.objects.get(scheme="kolada", code="0000").kind == "country"
    assert Area.objects.get(scheme="scb", code="14").kind == "region"
    assert not Area.objects.filter(scheme="kolada", kind="region").exists()  # counties are SCB's, not Kolada's
    assert Area.objects.filter(scheme="kolada", kind="municipality").count() == 290


def test_loading_swedens_areas_again_adds_nothing_and_keeps_a_source_s_newer_name():
    Area.objects.filter(scheme="scb", code="1463").update(name="Marks kommun")
    Area.objects.filter(scheme="kolada", code="2418").delete()
    before = Area.objects.count()
    swedish_areas_load()
    assert Area.objects.count() == before + 1
    assert Area.objects.get(scheme="scb", code="1463").name == "Marks kommun"
    assert Area.objects.get(scheme="kolada", code="2418").name == "Malå"


def test_a_source_s_names_add_new_areas_and_rename_known_ones_in_a_fixed_number_of_queries(
    django_assert_num_queries,
):
    renamed = [AreaName(a.code, f"{a.name} kommun", "municipality") for a in swedish_areas()["kolada"][1:]]
    names = [*renamed, AreaName("SE11", "Stockholm region", "region"), AreaName("SE11", "Stockholm", "region")]
    with django_assert_num_queries(2):  # read what is known, insert the new
        areas_remember("eurostat", names[-2:])
    with django_assert_num_queries(3):  # and the 290 renamed in one statement
        areas_remember("kolada", names)
    assert Area.objects.get(scheme="kolada", code="1463").name == "Mark kommun"
    assert Area.objects.get(scheme="kolada", code="SE11").name == "Stockholm"  # the last name given counts
    assert Area.objects.get(scheme="eurostat", code="SE11").name == "Stockholm"


def test_no_names_change_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        areas_remember("kolada", [])
    assert Area.objects.get(scheme="kolada", code="1463").name == "Mark"
