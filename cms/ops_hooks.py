"""What the pages add to operations (``ops.registry``): their count in a backup's manifest."""

from __future__ import annotations

from wagtail.models import Page

from ops import registry

registry.register_backup_part(
    # The tree's root (depth 1) is Wagtail's, not a page of the site.
    registry.BackupPart(contents=lambda: {"pages": Page.objects.filter(depth__gt=1).count()})
)
