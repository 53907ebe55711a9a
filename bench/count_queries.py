"""Print the SQL queries each URL takes: first hit and a repeat (run with the bench's env)."""

import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

client = Client(HTTP_HOST="127.0.0.1")
client.cookies["sessionid"] = "bench"  # an unknown session: anonymous, but never cached
for url in sys.argv[1:]:
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url, secure=True).status_code
        counts.append(len(queries))
    print(url, status, counts[0], counts[1])
