"""CPU milliseconds and SQL queries per request, in this process, through the whole WSGI stack.

Steadier than a load test on a shared machine: each URL is requested through Django's WSGI
handler (every middleware, as gunicorn calls it), warmed up, then timed with the process's CPU
clock; a bare Django view through the same stack is measured in the same run as the yardstick.
Requests carry an unknown session cookie, so they are anonymous but skip the page cache
(``--cached`` measures cache hits instead). ``--profile`` prints a pyinstrument profile of each.

    DJANGO_SETTINGS_MODULE=config.settings.production DATABASE_URL=... CACHE_URL=... \\
        .venv/bin/python bench/cpu.py [--repeat 200] [--cached] [--profile] URL...

``bench/pages.py --inprocess`` sets that environment up on a fresh demo database.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import clear_url_caches, path, set_urlconf  # noqa: E402

BARE_PATH = "/__bench-bare__/"


def bare_view(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare_view)]


def environ(url: str, cached: bool) -> dict:
    path_info, _, query = url.partition("?")
    env = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if not cached:
        env["HTTP_COOKIE"] = "sessionid=bench-uncached"
    return env


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def request(app: WSGIHandler, url: str, cached: bool) -> tuple[str, bytes]:
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status

    body = b"".join(app(environ(url, cached), start_response))
    return seen["status"], body


def measure(app: WSGIHandler, url: str, repeat: int, cached: bool) -> tuple[str, float, int, int]:
    status, body = request(app, url, cached)
    for _ in range(max(5, repeat // 10)):
        request(app, url, cached)
    counter = Counter()
    with connection.execute_wrapper(counter):
        request(app, url, cached)
    queries = counter.count
    started = time.process_time()
    for _ in range(repeat):
        request(app, url, cached)
    cpu_ms = (time.process_time() - started) * 1000 / repeat
    return status, cpu_ms, queries, len(body)


def bench_app() -> WSGIHandler:
    """The project's WSGI handler with the bare view in front of its URLs, behind the same
    middleware (importable: ``bench/cameras.py`` measures through it too)."""
    from django.conf import settings

    module = type(sys)("bench_cpu_urls")
    module.urlpatterns = urlpatterns + __import__(settings.ROOT_URLCONF, fromlist=["*"]).urlpatterns
    sys.modules["bench_cpu_urls"] = module
    settings.ROOT_URLCONF = "bench_cpu_urls"
    clear_url_caches()
    set_urlconf(None)
    return WSGIHandler()


HEADER = f"{'URL':<70} {'status':<8} {'CPU ms':>7} {'× bare':>7} {'SQL':>4} {'KB':>6}"


def row(label: str, status: str, cpu_ms: float, bare_ms: float, queries: int, size: int) -> str:
    return (
        f"{label[:70]:<70} {status.split()[0]:<8} {cpu_ms:>7.2f} {cpu_ms / bare_ms:>7.1f} "
        f"{queries:>4} {size / 1024:>6.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cached", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    app = bench_app()
    # Without the session cookie: the yardstick is the stack itself, not a session lookup.
    _, bare_ms, _, _ = measure(app, BARE_PATH, args.repeat * 5, True)
    print(HEADER)
    print(row("bare Django view", "200", bare_ms, bare_ms, 0, 0))
    for url in args.urls:
        status, cpu_ms, queries, size = measure(app, url, args.repeat, args.cached)
        print(row(url, status, cpu_ms, bare_ms, queries, size))
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            with profiler:
                for _ in range(args.repeat):
                    request(app, url, args.cached)
            print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"\n{args.repeat} requests each after a warm-up; load average {load_average()}")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
