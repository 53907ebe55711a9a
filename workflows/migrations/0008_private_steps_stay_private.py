"""History rows of private steps that were once recorded as public become private again.

The step form used to offer the "show in the public history" box on private steps, so such a
row could be public, and showed in the initiative's public history once the initiative became
public. The engine no longer records them so; this puts the rows written before in order.
"""

from django.db import migrations

#: As declared in workflows.models.Initiative when this migration was written.
PRIVATE_STATES = ("draft", "submitted", "under_review", "needs_revision", "resubmitted")
PRIVATE_STEPS = ("submit", "start_review", "request_revision", "resubmit")


def private_steps_stay_private(apps, schema_editor):
    TransitionLog = apps.get_model("workflows", "TransitionLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    initiative = ContentType.objects.filter(app_label="workflows", model="initiative").first()
    if initiative is None:
        return
    logs = TransitionLog.objects.filter(content_type_id=initiative.pk, public=True)
    logs.filter(target__in=PRIVATE_STATES).update(public=False)
    logs.filter(transition__in=PRIVATE_STEPS).update(public=False)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("workflows", "0007_committee_date_and_state_names"),
    ]

    operations = [
        migrations.RunPython(private_steps_stay_private, migrations.RunPython.noop),
    ]
