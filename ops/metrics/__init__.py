"""Prometheus metrics at ``/metrics`` (see the README's "Metrics and logs").

* ``ops.metrics.http``: the request latency histogram, the middleware that fills it, and
  the endpoint (bearer token ``METRICS_TOKEN``; never cached).
* ``ops.metrics.sources``: what is read from the database and the broker at each scrape.

Under gunicorn the workers share their histograms through prometheus_client's multiprocess
mode (``config/gunicorn.py`` sets ``PROMETHEUS_MULTIPROC_DIR``); the embedded single process
keeps them in memory.
"""
