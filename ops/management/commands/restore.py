"""Restore a backup into a new, empty database and MEDIA_ROOT (see ``ops.backups``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ops import backups, registry


class Command(BaseCommand):
    help = (
        "Restore a directory written by `manage.py backup` into the database DATABASE_URL "
        "names (created if missing, refused unless empty) and into MEDIA_ROOT (refused unless "
        "empty), then check the migrations and that CCTV_STREAM_KEYS open the camera URLs."
    )
    # The database may not exist yet: no check may connect to it before it is created.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="a directory written by `backup`")
        parser.add_argument(
            "--no-media", action="store_true", help="restore the database only, not MEDIA_ROOT"
        )

    def handle(self, *args, directory: Path, no_media: bool, **options):
        server = backups.Server.configured()
        if not (directory / backups.DUMP).exists():
            raise CommandError(f"{directory} holds no {backups.DUMP}: not a backup directory.")
        manifest = backups.read_manifest(directory)
        backups.verify_files(directory, manifest)
        media_root = Path(settings.MEDIA_ROOT)
        if not no_media and media_root.is_dir() and any(media_root.rglob("*")):
            raise CommandError(
                f"MEDIA_ROOT {media_root} is not empty: restore into a new, empty folder "
                "(or pass --no-media)."
            )
        watch = backups.Stopwatch()
        major = self.create_empty_database(server)
        pg_restore, pg_restore_version = backups.client_tool("pg_restore", major)
        dumped_by = manifest.get("pg_dump_version", "0")
        if int(dumped_by.split(".")[0]) > int(pg_restore_version.split(".")[0]):
            raise CommandError(
                f"The dump was written by pg_dump {dumped_by}; {pg_restore} is "
                f"{pg_restore_version} and cannot read it."
            )
        done = subprocess.run(  # noqa: S603 - pg_restore with fixed options, no shell
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--no-password",
                f"--dbname={server.name}",
                str(directory / backups.DUMP),
            ],
            env=server.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise CommandError(
                f"pg_restore failed; {server.name} was left empty: {done.stderr.strip()}"
            )
        media_files = 0
        if not no_media and (directory / backups.MEDIA).exists():
            media_files = backups.unpack_media(directory / backups.MEDIA, media_root)

        held = ", ".join(f"{count} {name}" for name, count in backups.contents().items())
        self.stdout.write(
            f"Restored {directory} (taken {manifest.get('created_at', 'at an unknown time')}) "
            f"into {server.name} in {watch}: {held}, {media_files} media files."
        )
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            self.stdout.write(
                f"The backup is older than this code: {len(pending)} migrations to apply "
                "(run `manage.py migrate`)."
            )
        else:
            self.stdout.write("Migrations: the database is up to date with this code.")
        for part in registry.backup_parts():
            report = part.after_restore(manifest)
            if report:
                self.stdout.write(report)

    def create_empty_database(self, server: backups.Server) -> int:
        """Create the target database, or make sure the existing one is empty; return the
        server's major version."""
        from psycopg2 import sql

        maintenance = server.connect("postgres")
        maintenance.autocommit = True
        try:
            with maintenance.cursor() as cursor:
                cursor.execute("SHOW server_version_num")
                major = int(cursor.fetchone()[0]) // 10000
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [server.name])
                exists = cursor.fetchone() is not None
                if not exists:
                    cursor.execute(
                        sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
                            sql.Identifier(server.name)
                        )
                    )
        finally:
            maintenance.close()
        if exists:
            target = server.connect()
            try:
                with target.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                        "ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                    )
                    if cursor.fetchone()[0]:
                        raise CommandError(
                            f"The database {server.name} is not empty: restore into a new "
                            "database (point DATABASE_URL at a new name), never over a site."
                        )
            finally:
                target.close()
        return major
