"""gunicorn settings for the web container: ``gunicorn -c config/gunicorn.py config.wsgi``.

Only what the Python side must arrange lives here (bind address, worker count and timeouts
stay in ``GUNICORN_CMD_ARGS``, see the Dockerfile):

* **Prometheus multiprocess mode.** Each worker process writes its request histogram to files
  in ``PROMETHEUS_MULTIPROC_DIR`` and a scrape, answered by any worker, adds them all up. The
  variable is set here, in the master, before any worker starts and imports prometheus_client
  (which reads it once, at import). An operator's directory is emptied at start; without one a
  private temporary directory is made and removed on exit.
* **Recycled workers** (``--max-requests``) leave their files behind, and a scrape reads every
  file, so the master folds a dead worker's counters and histograms into one ``*_archive.db``
  file per metric type: the directory stays at one file per live worker and type. A scrape that
  runs in the instant between the merge and the deletion can see those counts twice once; a
  scrape later is right again.
* **Logs**: gunicorn's own messages are JSON lines like Django's (``LOG_FORMAT``, JSON by
  default); the access log is off because Django logs one line per request itself
  (``ops.logs.RequestLogMiddleware``), without query strings or tokens.

Names meant as gunicorn settings are module globals; helpers start with an underscore.
"""

from __future__ import annotations

import glob as _glob
import os as _os
import shutil as _shutil
import tempfile as _tempfile

_created_dir = ""
if not _os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    _created_dir = _tempfile.mkdtemp(prefix="safe-community-metrics-")
    _os.environ["PROMETHEUS_MULTIPROC_DIR"] = _created_dir
_metrics_dir = _os.environ["PROMETHEUS_MULTIPROC_DIR"]

#: Merged values of workers that have exited, one file per metric type.
_ARCHIVED_TYPES = ("counter", "histogram", "summary")

accesslog = None
if _os.environ.get("LOG_FORMAT", "json") == "json":
    # Merged over gunicorn's defaults: same handlers (stdout, stderr), JSON formatter. Its own
    # loggers do not propagate, or a worker would print them again through Django's root; the
    # access logger gets no handler (with a logging dict gunicorn would write access lines,
    # full paths and query strings included).
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        },
        "formatters": {"generic": {"()": "ops.logs.JsonLogFormatter"}},
    }
#: gunicorn's runtime control socket (``gunicornc``) is not used here, and it would be made
#: under the home directory, which is not writable in the image.
control_socket_disable = True


def on_starting(server) -> None:
    """Empty the directory before the first worker starts: old files would add old counts."""
    _os.makedirs(_metrics_dir, exist_ok=True)
    for path in _glob.glob(_os.path.join(_metrics_dir, "*.db")):
        _os.remove(path)


def child_exit(server, worker) -> None:
    """A worker exited: drop its live gauges and fold its counters into the archive files."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid, _metrics_dir)
    for kind in _ARCHIVED_TYPES:
        _archive(_os.path.join(_metrics_dir, f"{kind}_{worker.pid}.db"), kind)


def _archive(path: str, kind: str) -> None:
    """Add the values of one dead worker's file into ``<kind>_archive.db``, then delete it.

    Keys are the same in every file (metric, sample name, labels, help); counters, histogram
    buckets and summary counts all add up.
    """
    from prometheus_client.mmap_dict import MmapedDict

    if not _os.path.exists(path):
        return
    archive = MmapedDict(_os.path.join(_metrics_dir, f"{kind}_archive.db"))
    try:
        for key, value, timestamp, _pos in MmapedDict.read_all_values_from_file(path):
            total, _ts = archive.read_value(key)
            archive.write_value(key, total + value, timestamp)
    finally:
        archive.close()
    _os.remove(path)


def on_exit(server) -> None:
    if _created_dir:
        _shutil.rmtree(_created_dir, ignore_errors=True)
