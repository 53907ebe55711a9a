"""Backups of the site and their restore: ``manage.py backup`` and ``manage.py restore``.

A backup is one directory:

* ``database.dump`` — ``pg_dump --format=custom`` of the site's PostgreSQL database;
* ``media.tar.gz`` — everything under ``MEDIA_ROOT`` (images, documents and their renditions);
* ``manifest.json`` — when, from which server, the files' sizes and SHA-256, what it holds,
  and what the apps add (``ops.registry.BackupPart``: the cameras add a fingerprint of each
  ``CCTV_STREAM_KEYS`` key, never a key).

The apps also check a restored site: the camera stream URLs in the database are encrypted with
``CCTV_STREAM_KEYS``, which are *not* in a backup (a stolen backup must not give away camera
passwords), so ``restore`` says when the keys set now do not open them
(``cctv_bridge.ops_hooks``).

A restore goes into a *new* database (the one ``DATABASE_URL`` names; it is created if missing
and must otherwise be empty) with ``pg_restore --no-owner --no-privileges --single-transaction``,
so it never overwrites a live site and either restores everything or nothing.

The PostgreSQL client must be at least the server's major version (``pg_dump`` refuses newer
servers; ``pg_restore`` older archives' formats only): Debian's ``/usr/lib/postgresql/<major>/
bin/`` is used first when several versions are installed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from ops import registry

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class Server:
    """The site's PostgreSQL database, as the libpq tools reach it."""

    name: str
    host: str
    port: str
    user: str
    password: str
    sslmode: str

    @classmethod
    def configured(cls) -> Server:
        database = settings.DATABASES["default"]
        if "postgresql" not in database["ENGINE"]:
            raise CommandError(
                "Backups are for PostgreSQL (DATABASE_URL=postgres://…). The embedded SQLite "
                f"database is one file: copy {database['NAME']} while the site is stopped."
            )
        return cls(
            name=database["NAME"],
            host=str(database.get("HOST") or ""),
            port=str(database.get("PORT") or ""),
            user=str(database.get("USER") or ""),
            password=str(database.get("PASSWORD") or ""),
            sslmode=str(database.get("OPTIONS", {}).get("sslmode", "")),
        )

    def env(self, database: str | None = None) -> dict[str, str]:
        """The environment for a libpq tool: the password never appears on a command line."""
        values = {
            "PGDATABASE": database or self.name,
            "PGHOST": self.host,
            "PGPORT": self.port,
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
            "PGSSLMODE": self.sslmode,
        }
        return {**os.environ, **{key: value for key, value in values.items() if value}}

    def connect(self, database: str | None = None):
        import psycopg2

        options = {"sslmode": self.sslmode} if self.sslmode else {}
        return psycopg2.connect(
            dbname=database or self.name,
            host=self.host or None,
            port=self.port or None,
            user=self.user or None,
            password=self.password or None,
            **options,
        )

    def version(self, database: str | None = None) -> tuple[int, str]:
        """The server's major version and full version string."""
        connection = self.connect(database)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version_num")
                number = int(cursor.fetchone()[0])
                cursor.execute("SHOW server_version")
                return number // 10000, cursor.fetchone()[0].split()[0]
        finally:
            connection.close()


def client_tool(tool: str, major: int) -> tuple[str, str]:
    """The path and version of ``tool`` (pg_dump, pg_restore) for a server of ``major``."""
    debian = Path(f"/usr/lib/postgresql/{major}/bin/{tool}")
    path = str(debian) if debian.exists() else shutil.which(tool)
    if path is None:
        raise CommandError(
            f"{tool} is not installed: install the PostgreSQL {major} client "
            f"(Debian: apt-get install postgresql-client-{major})."
        )
    output = subprocess.run(  # noqa: S603 - a PostgreSQL tool found above, no shell
        [path, "--version"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"(\d+)(?:\.(\d+))?", output)
    version = found.group(0) if found else "?"
    if not found or int(found.group(1)) < major:
        raise CommandError(
            f"{path} is version {version}, older than the PostgreSQL {major} server: install "
            f"postgresql-client-{major} (or put its bin/ first on PATH)."
        )
    return path, version


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_file(path: Path) -> dict:
    return {"bytes": path.stat().st_size, "sha256": sha256_of(path)}


def pack_media(media_root: Path, target: Path) -> int:
    """``media_root``'s files into ``target`` (tar.gz); return how many files."""
    count = 0
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=str(path.relative_to(media_root)))
                    count += 1
    return count


def unpack_media(archive_path: Path, media_root: Path) -> int:
    """Extract the media archive into ``media_root`` (tar's "data" filter: no absolute paths,
    links out of the folder or device files); return how many files."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        members = [member for member in archive.getmembers() if member.isfile()]
        archive.extractall(media_root, members=members, filter="data")
    return len(members)


def contents() -> dict[str, int]:
    """What the site holds (pages, initiatives, cameras …, as the apps count it through
    ``ops.registry``), for the manifest and the restore's report."""
    held: dict[str, int] = {}
    for part in registry.backup_parts():
        held.update(part.contents())
    return held


def manifest_entries() -> dict:
    """The apps' own entries of the manifest (the stream keys' fingerprints …)."""
    entries: dict = {}
    for part in registry.backup_parts():
        entries.update(part.manifest())
    return entries


def write_manifest(directory: Path, manifest: dict) -> None:
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def read_manifest(directory: Path) -> dict:
    path = directory / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def verify_files(directory: Path, manifest: dict) -> None:
    """The files are those the backup wrote (not truncated by a copy, not another backup's)."""
    for name, expected in manifest.get("files", {}).items():
        path = directory / name
        if not path.exists():
            raise CommandError(f"{path} is missing from the backup.")
        if sha256_of(path) != expected["sha256"]:
            raise CommandError(f"{path} is not the file the backup wrote (its SHA-256 differs).")


def now_iso() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


class Stopwatch:
    def __init__(self) -> None:
        self.started = time.monotonic()

    def __str__(self) -> str:
        return f"{time.monotonic() - self.started:.1f} s"


def size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover
