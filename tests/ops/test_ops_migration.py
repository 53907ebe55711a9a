"""Failed jobs, the heartbeat and the outbox moved from the ``config`` app to ``ops`` without
losing a row or a permission: a database migrated before the move keeps both."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ops.models import FailedJob, Heartbeat, OutboxMessage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

#: Before the move: no ops migration applied (which unapplies config 0004, that needs it), so
#: config stands at its 0003.
BEFORE = [("ops", None)]


def migrate(targets) -> MigrationExecutor:
    """Migrate to ``targets``; return an executor that reads the new state."""
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection)


def test_rows_and_group_permissions_survive_the_move_to_ops():
    executor = migrate(BEFORE)
    every_app_before = [
        node for node in executor.loader.graph.leaf_nodes() if node[0] not in ("config", "ops")
    ]
    old = executor.loader.project_state([*every_app_before, ("config", "0003_outbox")]).apps
    old_content_type = old.get_model("contenttypes", "ContentType")
    assert not old_content_type.objects.filter(app_label="ops").exists()
    old.get_model("config", "FailedJob").objects.create(
        message_id="m-1", queue_name="default", actor_name="send_mail", error="SMTPError: 421"
    )
    old.get_model("config", "OutboxMessage").objects.create(
        queue_name="default", actor_name="notify_followers", payload=b"{}"
    )
    old.get_model("config", "Heartbeat").objects.create(name="scheduler", at="2026-11-30T10:00Z")
    content_type, _ = old_content_type.objects.get_or_create(app_label="config", model="failedjob")
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="view_failedjob", defaults={"name": "Can view"}
    )
    readers = old.get_model("auth", "Group").objects.create(name="Job readers")
    readers.permissions.add(permission)

    executor = migrate(executor.loader.graph.leaf_nodes())
    assert not executor.migration_plan(executor.loader.graph.leaf_nodes())

    assert FailedJob.objects.get(message_id="m-1").error == "SMTPError: 421"
    assert OutboxMessage.objects.get().actor_name == "notify_followers"
    assert Heartbeat.objects.get().name == "scheduler"
    assert ContentType.objects.get_for_model(FailedJob).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="config", model="failedjob").exists()
    user = User.objects.create_user("reader")
    user.groups.add(Group.objects.get(name="Job readers"))
    assert user.has_perm("ops.view_failedjob")
    assert not user.has_perm("config.view_failedjob")


def test_the_move_reverses():
    executor = migrate(BEFORE)
    assert ContentType.objects.filter(app_label="config", model="outboxmessage").exists()
    assert not ContentType.objects.filter(app_label="ops").exists()
    migrate(executor.loader.graph.leaf_nodes())
    assert ContentType.objects.filter(app_label="ops", model="outboxmessage").exists()
