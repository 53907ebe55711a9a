"""A test-only app whose one model uses the workflow engine and nothing of the initiatives:
the proof that ``workflows.engine`` stands alone (installed by ``config/settings/test.py``)."""
