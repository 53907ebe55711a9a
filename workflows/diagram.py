"""A workflow's diagram, drawn from its declared transitions, so it never drifts from the code.

States are laid out in layers by their distance from the first state (breadth-first over the
transitions); a transition that leaves almost every state (withdrawal) is drawn once, as a
note, instead of a dozen arrows. The result is geometry for an SVG template.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

NODE_W, NODE_H, GAP_X, GAP_Y, MARGIN = 230, 44, 30, 46, 20


@dataclass
class Edge:
    name: str
    label: str
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def label_x(self) -> str:
        return f"{(self.x1 + self.x2) / 2 + 4:.0f}"

    @property
    def label_y(self) -> str:
        return f"{(self.y1 + self.y2) / 2:.0f}"


def workflow_diagram(model) -> dict:
    states = model.STATES
    transitions = model.all_transitions()  # the engine lists a transition once per source
    sources_by_name = defaultdict(set)
    for t in transitions:
        sources_by_name[t.name].add(t.source)
    everywhere_names = {n for n, s in sources_by_name.items() if len(s) > len(states) // 2}
    drawn = [t for t in transitions if t.name not in everywhere_names]
    everywhere = list({t.name: t for t in transitions if t.name in everywhere_names}.values())
    following = defaultdict(list)
    for t in drawn:
        following[t.source].append(t.target)
    layer = {states[0].value: 0}
    queue = deque([states[0].value])
    while queue:
        state = queue.popleft()
        for target in following[state]:
            if target not in layer:
                layer[target] = layer[state] + 1
                queue.append(target)
    for state in states:  # states only reached by the "everywhere" transitions go last
        layer.setdefault(state.value, max(layer.values()) + 1)
    rows = defaultdict(list)
    for state in states:
        rows[layer[state.value]].append(state)
    widest = max(len(row) for row in rows.values())
    width = MARGIN * 2 + widest * NODE_W + (widest - 1) * GAP_X
    nodes = {}
    for depth, row in rows.items():
        row_width = len(row) * NODE_W + (len(row) - 1) * GAP_X
        left = (width - row_width) / 2
        for index, state in enumerate(row):
            x = left + index * (NODE_W + GAP_X)
            y = MARGIN + depth * (NODE_H + GAP_Y)
            nodes[state.value] = {
                "state": state,
                "x": f"{x:.0f}",
                "y": f"{y:.0f}",
                "cx": x + NODE_W / 2,
                "cy": y + NODE_H / 2,
                "text_x": f"{x + NODE_W / 2:.0f}",
                "text_y": f"{y + NODE_H / 2:.0f}",
            }
    edges = []
    for t in drawn:
        a, b = nodes[t.source], nodes[t.target]
        down = b["cy"] > a["cy"]
        same_row = a["cy"] == b["cy"]
        edges.append(
            Edge(
                name=t.name,
                label=str(t.spec.label),
                x1=a["cx"] + (NODE_W / 2 if same_row and b["cx"] > a["cx"] else 0),
                y1=a["cy"] + (0 if same_row else NODE_H / 2 if down else -NODE_H / 2),
                x2=b["cx"] - (NODE_W / 2 if same_row and b["cx"] > a["cx"] else 0),
                y2=b["cy"] - (0 if same_row else NODE_H / 2 if down else -NODE_H / 2),
            )
        )
    height = MARGIN * 2 + (max(rows) + 1) * (NODE_H + GAP_Y)
    return {
        "width": f"{width:.0f}",
        "height": f"{height:.0f}",
        "node_w": NODE_W,
        "node_h": NODE_H,
        "nodes": list(nodes.values()),
        "edges": [
            {
                "name": e.name,
                "label": e.label,
                "x1": f"{e.x1:.0f}",
                "y1": f"{e.y1:.0f}",
                "x2": f"{e.x2:.0f}",
                "y2": f"{e.y2:.0f}",
                "label_x": e.label_x,
                "label_y": e.label_y,
            }
            for e in edges
        ],
        "everywhere": [
            {
                "name": t.name,
                "label": t.spec.label,
                "target": model.state_info(t.target).label,
            }
            for t in everywhere
        ],
    }
