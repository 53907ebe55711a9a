"""The failed jobs, the heartbeat and the outbox move from the ``config`` app to ``ops``.

Their tables stay where they are (``config_failedjob``, ``config_heartbeat``,
``config_outboxmessage``): only Django's state moves, here and in ``config`` 0004. Their
content types are renamed first, so the permissions that point at them, and the groups that
hold those permissions, follow the models (``config.view_failedjob`` is ``ops.view_failedjob``).
"""

from django.db import migrations, models

MOVED = ("failedjob", "heartbeat", "outboxmessage")


def rename_content_types(source: str, target: str):
    def rename(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        content_type.objects.db_manager(db).filter(app_label=source, model__in=MOVED).update(
            app_label=target
        )
        # migrate's post_migrate (create_contenttypes) clears the process-wide cache.
        content_type.objects.clear_cache()

    return rename


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("config", "0003_outbox"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            rename_content_types("config", "ops"), rename_content_types("ops", "config")
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="FailedJob",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("message_id", models.CharField(max_length=64, unique=True, verbose_name="message id")),
                        ("queue_name", models.CharField(max_length=100, verbose_name="queue")),
                        ("actor_name", models.CharField(max_length=200, verbose_name="job")),
                        ("args", models.JSONField(blank=True, default=list, verbose_name="arguments")),
                        ("kwargs", models.JSONField(blank=True, default=dict, verbose_name="keyword arguments")),
                        ("retries", models.PositiveIntegerField(default=0, verbose_name="retries")),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        ("traceback", models.TextField(blank=True, verbose_name="traceback")),
                        ("failed_at", models.DateTimeField(auto_now_add=True, verbose_name="failed at")),
                        ("resolved", models.BooleanField(default=False, help_text="Tick once the cause has been dealt with.", verbose_name="resolved")),
                    ],
                    options={
                        "verbose_name": "failed job",
                        "verbose_name_plural": "failed jobs",
                        "db_table": "config_failedjob",
                        "ordering": ["-failed_at"],
                    },
                ),
                migrations.CreateModel(
                    name="Heartbeat",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=50, unique=True)),
                        ("at", models.DateTimeField()),
                    ],
                    options={"db_table": "config_heartbeat"},
                ),
                migrations.CreateModel(
                    name="OutboxMessage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("queue_name", models.CharField(max_length=100)),
                        ("actor_name", models.CharField(max_length=200)),
                        ("payload", models.BinaryField()),
                        ("delay", models.PositiveIntegerField(null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("attempts", models.PositiveIntegerField(default=0)),
                        ("last_error", models.CharField(blank=True, max_length=500)),
                    ],
                    options={"db_table": "config_outboxmessage", "ordering": ["pk"]},
                ),
            ],
        ),
    ]
