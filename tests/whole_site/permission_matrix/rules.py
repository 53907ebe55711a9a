"""The rule machinery of the expectations table: exact rows and grouped (glob) rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.whole_site.permission_matrix.outcomes import OUTCOMES
from tests.whole_site.permission_matrix.patterns import Pattern, glob_regex
from tests.whole_site.permission_matrix.roles import ROLES


@dataclass(frozen=True)
class Rule:
    """Expected outcomes of one pattern (exact key) or of a group of patterns (glob)."""

    key: str
    row: tuple[str, ...]
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    glob: bool = False

    def matches(self, pattern: Pattern) -> bool:
        if self.glob:
            return bool(glob_regex(self.key).match(pattern.key))
        return self.key == pattern.key

    def expected(self, variant: str) -> tuple[str, ...]:
        """The row for a sample: its variant's row, else the rule's row."""
        return self.variants.get(variant_label(variant), self.row)


def variant_label(variant: str) -> str:
    """The variant a sample stands for: the English address of a variant ("private en")
    expects what the Ukrainian one does."""
    words = variant.split()
    return " ".join(words[:-1] if words[-1:] == ["en"] else words)


def parse_row(text: str) -> tuple[str, ...]:
    row = tuple(text.split())
    assert len(row) == len(ROLES), f"{text!r}: one outcome per role, in the order {ROLES}"
    unknown = set(row) - set(OUTCOMES)
    assert not unknown, f"{text!r}: unknown outcomes {unknown}; known: {sorted(OUTCOMES)}"
    return row


def rule(key: str, row: str, **variants: str) -> Rule:
    """One pattern, by its exact key. ``variants`` rows replace ``row`` for those samples
    (a keyword with spaces is written ``**{"members only": "…"}``)."""
    return Rule(key, parse_row(row), {k: parse_row(v) for k, v in variants.items()})


def group(glob: str, row: str) -> Rule:
    """Every pattern whose key matches ``glob`` and that no exact rule or earlier group takes.

    Allowed only for Wagtail's and wagtail-localize's own screens: the project's views and
    every public address need an exact rule (see ``needs_exact_rule``)."""
    return Rule(glob, parse_row(row), glob=True)


def needs_exact_rule(pattern: Pattern) -> bool:
    """Our own views, and everything outside the admin, are listed one by one."""
    return pattern.own or not pattern.key.startswith("admin/")


def rule_for(pattern: Pattern, rules: list[Rule]) -> Rule | None:
    """The exact rule for the pattern, else the first group that matches it."""
    for candidate in rules:
        if not candidate.glob and candidate.matches(pattern):
            return candidate
    if needs_exact_rule(pattern):
        return None
    return next((candidate for candidate in rules if candidate.matches(pattern)), None)


def coverage_problems(patterns: list[Pattern], rules: list[Rule]) -> list[str]:
    """Patterns without a rule, rules without a pattern, and duplicate keys, as text."""
    problems = []
    keys = [p.key for p in patterns]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        problems.append(f"Two patterns share a key: {duplicates}")
    exact = [r.key for r in rules if not r.glob]
    twice = sorted({k for k in exact if exact.count(k) > 1})
    if twice:
        problems.append(f"Exact rules listed twice: {twice}")
    missing = [p for p in patterns if rule_for(p, rules) is None]
    if missing:
        lines = [
            f"    rule({p.key!r}, {' '.join(['?'] * len(ROLES))!r}),  # {p.name or 'unnamed'}"
            for p in missing
        ]
        problems.append(
            f"{len(missing)} URL pattern(s) have no expectation. Add a row to RULES in "
            "tests/whole_site/permission_matrix/expectations.py (outcomes in the order "
            f"{', '.join(ROLES)}; the matrix test prints what it observed):\n" + "\n".join(lines)
        )
    used = {id(rule_for(p, rules)) for p in patterns}
    stale = [r for r in rules if id(r) not in used]
    if stale:
        problems.append(
            "Rules that decide no URL pattern (the pattern is gone, renamed, or shadowed by an "
            "earlier rule); remove or fix them:\n"
            + "\n".join(f"    {'group' if r.glob else 'rule'}({r.key!r}, …)" for r in stale)
        )
    return problems
