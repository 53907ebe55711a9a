"""Back up the database and the media files into a new directory (see ``ops.backups``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops import backups, registry


class Command(BaseCommand):
    help = (
        "Write database.dump (pg_dump, custom format), media.tar.gz (MEDIA_ROOT) and "
        "manifest.json into a new directory. CCTV_STREAM_KEYS are not included: keep them "
        "with the site's secrets."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="a new or empty directory")

    def handle(self, *args, directory: Path, **options):
        server = backups.Server.configured()
        if directory.exists() and any(directory.iterdir()):
            raise CommandError(f"{directory} is not empty: each backup goes into a new directory.")
        major, server_version = server.version()
        pg_dump, pg_dump_version = backups.client_tool("pg_dump", major)
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # personal data inside
        watch = backups.Stopwatch()

        dump = directory / backups.DUMP
        done = subprocess.run(  # noqa: S603 - pg_dump with fixed options, no shell
            [pg_dump, "--format=custom", "--no-password", f"--file={dump}"],
            env=server.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise CommandError(f"pg_dump failed: {done.stderr.strip()}")
        media_files = backups.pack_media(Path(settings.MEDIA_ROOT), directory / backups.MEDIA)

        with connection.cursor() as cursor:
            cursor.execute("SELECT app, max(name) FROM django_migrations GROUP BY app")
            migrations = dict(sorted(cursor.fetchall()))
        manifest = {
            "format": backups.FORMAT,
            "created_at": backups.now_iso(),
            "database": server.name,
            "server_version": server_version,
            "pg_dump_version": pg_dump_version,
            "files": {
                name: backups.describe_file(directory / name)
                for name in (backups.DUMP, backups.MEDIA)
            },
            "contents": {**backups.contents(), "media_files": media_files},
            "migrations": migrations,
            **backups.manifest_entries(),
        }
        backups.write_manifest(directory, manifest)
        for path in directory.iterdir():
            path.chmod(0o600)

        files = manifest["files"]
        self.stdout.write(
            f"Backed up {server.name} (PostgreSQL {server_version}) into {directory} in {watch}: "
            f"{backups.DUMP} {backups.size(files[backups.DUMP]['bytes'])}, "
            f"{backups.MEDIA} {backups.size(files[backups.MEDIA]['bytes'])} "
            f"({media_files} files)."
        )
        for part in registry.backup_parts():
            note = part.after_backup(manifest)
            if note:
                self.stdout.write(note)
