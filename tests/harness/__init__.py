"""The one harness for tests, drills and benches that run real processes.

``waiting`` polls for a condition; ``servers`` starts a server process (gunicorn,
``runembedded``, a dramatiq worker) on a free loopback port in a process group of its own,
waits for it to answer and stops it, its log kept for whoever reads a failure; ``services``
starts private Redis and PostgreSQL servers and prepares databases and environments.

Bench scripts import it too (they put the repository root on ``sys.path``), so nothing here
imports pytest or Django at module level.
"""
