"""Users, with the role groups that migrations create."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    """A user who can sign in with the password "x"; ``groups=["Editors"]`` names role groups."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("x")

    @factory.post_generation
    def groups(self, create: bool, names: list[str] | None, **kwargs) -> None:
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
