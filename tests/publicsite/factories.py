"""Factories for the public site and translations."""

import factory
from tests.factories import OrganisationFactory

from samskapa.publicsite.models import PublicSite


class PublicSiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicSite

    organisation = factory.SubFactory(OrganisationFactory)
    is_public = True
    contact_email = "integration@kommun.example"
    intro = "Här berättar vi om arbetet med integration."
