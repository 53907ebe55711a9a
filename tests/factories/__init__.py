"""Factories: each test builds just the objects it is about.

The test database holds what migrations create (the uk and en locales, the role groups, the
root page); a factory adds the rest. Tests about the demo content itself ask for the `demo`
fixture instead (``tests/conftest.py``).
"""
