"""Factories for test data; every organisation-owned row gets its organisation explicitly."""

from datetime import timedelta

import factory
from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.accounts.services import hash_token
from samskapa.core.models import Job
from samskapa.orgs.models import Invitation, Membership, Organisation, Role

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testkommun {n}")
    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    country = "SE"
    municipality_code = factory.Sequence(lambda n: f"{1000 + n:04d}")
    default_language = "sv"
    languages = factory.LazyFunction(lambda: ["en", "ar"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.COORDINATOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.test")
    role = Role.EDITOR
    token_hash = factory.Sequence(lambda n: hash_token(f"raw-token-{n}"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "test.count"
    title = factory.Sequence(lambda n: f"Background job {n}")


# strategy


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.Strategy"

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Integrationsstrategi {n}")
    language = "sv"
    period_start = 2025
    period_end = 2028


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.FocusArea"

    strategy = factory.SubFactory(StrategyFactory)
    organisation = factory.SelfAttribute("strategy.organisation")
    title = factory.Sequence(lambda n: f"Fokusområde {n}")
    order = factory.Sequence(lambda n: n)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.Goal"

    focus_area = factory.SubFactory(FocusAreaFactory)
    organisation = factory.SelfAttribute("focus_area.organisation")
    text = factory.Sequence(lambda n: f"Mål {n}")


class StrategyVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "strategy.StrategyVersion"

    strategy = factory.SubFactory(StrategyFactory)
    organisation = factory.SelfAttribute("strategy.organisation")
    number = factory.Sequence(lambda n: n + 1)
    snapshot = factory.LazyAttribute(lambda v: {"title": v.strategy.title, "focus_areas": []})
