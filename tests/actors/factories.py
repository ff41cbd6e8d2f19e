import factory

from samskapa.actors.models import Actor


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    name = factory.Sequence(lambda n: f"Förvaltning {n}")
    kind = Actor.Kind.DEPARTMENT
    sector = Actor.Sector.PUBLIC
