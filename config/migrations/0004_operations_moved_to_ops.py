"""Failed jobs, the heartbeat and the outbox now belong to ``ops`` (its migration 0001): they
leave this app's state only; their tables stay, and ``ops`` uses them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("config", "0003_outbox"),
        ("ops", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="FailedJob"),
                migrations.DeleteModel(name="Heartbeat"),
                migrations.DeleteModel(name="OutboxMessage"),
            ],
        ),
    ]
