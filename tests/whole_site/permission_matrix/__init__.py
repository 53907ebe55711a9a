"""The permission matrix (tests/whole_site/test_permission_matrix.py): every URL pattern ×
every role.

* ``patterns.py`` walks Django's resolver; a pattern's key is its route ("admin/cctv/",
  "(en/)initiatives/<int:pk>/"), as the failure messages print it.
* ``roles.py`` makes one user per role from the groups the migrations create.
* ``url_samples.py`` fills each pattern's parameters with real rows of the demo.
* ``outcomes.py`` names what a GET ended in; ``rules.py`` is the table's machinery.
* ``expectations.py`` is the table.

Adding a URL: run ``pytest tests/whole_site/test_permission_matrix.py``. The failure names the new
pattern and prints what each role got there as a ready row; check that row against who
*should* get in, and add it to ``RULES`` in ``expectations.py`` (for a view of ours, an exact
``rule(...)``). If the pattern has a parameter no sample covers, the failure says which: add a
value to ``url_samples.py`` (``params`` by parameter name, ``by_namespace`` for a viewset,
``by_name`` for one view, ``urls`` for whole paths). A view that changes something on GET goes
into ``GET_SIDE_EFFECTS`` with the reason.
"""
