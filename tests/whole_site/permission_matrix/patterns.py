"""Every URL pattern the project serves, walked from Django's root resolver."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern

#: How the key of a pattern inside ``i18n_patterns`` starts: Ukrainian has no prefix, English
#: has ``en/``; both are requested.
I18N_PREFIX = "(en/)"
OUR_APPS = ("cms", "workflows", "cctv_bridge", "config", "ops", "accounts")


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: its key, full name and parameters.

    The key is the pattern's ``request.resolver_match.route`` (the routes of each level
    joined), except that the optional language prefix of ``i18n_patterns`` is ``(en/)``.
    """

    key: str
    name: str | None
    params: tuple[str, ...]
    i18n: bool
    positional: bool
    own: bool

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0] if self.name else ""


def url_patterns() -> list[Pattern]:
    """All patterns of the root URLconf, in resolver order."""
    found: list[Pattern] = []
    _walk(get_resolver(), "", [], (), False, found)
    return found


def _walk(resolver, prefix, namespaces, params, i18n, found):
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            route, here_i18n = I18N_PREFIX, True
        else:
            route, here_i18n = str(pattern), i18n
            if prefix:  # joined as Django joins ResolverMatch.route
                route = route.removeprefix("^")
        names, positional = _params(pattern)
        if isinstance(entry, URLResolver):
            inner = [*namespaces, entry.namespace] if entry.namespace else namespaces
            _walk(entry, prefix + route, inner, params + names, here_i18n, found)
            continue
        assert isinstance(entry, URLPattern)
        name = ":".join([*namespaces, entry.name]) if entry.name else None
        found.append(
            Pattern(
                key=prefix + route,
                name=name,
                params=params + names,
                i18n=here_i18n,
                positional=positional,
                own=_is_own(entry.callback),
            )
        )


def _params(pattern) -> tuple[tuple[str, ...], bool]:
    """The keyword parameters of one level, and whether it has unnamed (positional) groups."""
    if isinstance(pattern, LocalePrefixPattern):
        return (), False
    regex = pattern.regex
    names = tuple(sorted(regex.groupindex, key=regex.groupindex.get))
    positional = isinstance(pattern, RegexPattern) and regex.groups > len(names)
    return names, positional


def _is_own(callback) -> bool:
    """Whether the view is the project's: written in one of our apps, or a Wagtail generic view
    (viewset, snippet) serving one of our models."""
    module = getattr(callback, "__module__", "") or ""
    if module.split(".")[0] in OUR_APPS:
        return True
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
    if model is None:
        model = getattr(getattr(callback, "view_class", None), "model", None)
    meta = getattr(model, "_meta", None)
    return meta is not None and meta.app_label in OUR_APPS


def glob_regex(glob: str) -> re.Pattern:
    """``**`` matches anything, ``*`` anything within one path segment; the rest is literal."""
    parts = re.split(r"(\*\*|\*)", glob)
    translated = {"**": ".*", "*": "[^/]*"}
    return re.compile("".join(translated.get(part, re.escape(part)) for part in parts) + r"\Z")
