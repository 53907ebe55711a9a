"""The demo site's content: texts in ``data/*.json``, and the functions that build pages from them.

The texts are data, not code: each JSON file opens with an ``"about"`` note on where its content
comes from, and an entry may carry a ``"comment"`` saying which of its details are the demo's
assumptions. The loaders ignore both keys. The cross-app command that loads the whole demo
(pages, initiatives, cameras) is ``config/management/commands/load_demo.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def read_demo_data(path: Path) -> dict[str, Any]:
    """One demo data file as a dict (JSON arrays arrive as lists where the code once had tuples)."""
    return json.loads(path.read_text(encoding="utf-8"))
