"""factory_boy factories for the whole test suite, in one place."""

from datetime import date

import factory
from django.contrib.auth.models import User

from svtracker.accounts.models import Membership, Office, Profile
from svtracker.people.models import Member, Minister
from svtracker.promises.models import Promise
from svtracker.questions.models import Question, Series


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Kantoor {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"medewerker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("geheim-wachtwoord-123")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ["user"]

    user = factory.SubFactory(UserFactory)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Lid Nummer{n}")


class MinisterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minister
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Minister Nummer{n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    office = factory.SubFactory(OfficeFactory)
    title = factory.Sequence(lambda n: f"Onderwerp {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    office = factory.SubFactory(OfficeFactory)
    session = "2023-2024"
    minister = factory.SubFactory(MinisterFactory)
    number = factory.Sequence(lambda n: n + 1)
    date = date(2023, 10, 2)
    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"Onderwerp {n}  -  Subonderwerp")
    series = factory.SubFactory(SeriesFactory, office=factory.SelfAttribute("..office"))


class PromiseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Promise

    question = factory.SubFactory(QuestionFactory)
    office = factory.SelfAttribute("question.office")
    kind = Promise.Kind.PROVISIONAL
    quote = "Deze cijfers zijn daarom onder voorbehoud."
    expected = date(2024, 4, 26)
    basis = "standaardtermijn van 3 maanden"
