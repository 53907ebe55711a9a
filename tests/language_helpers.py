"""Find text in one language shown as if it were another: Cyrillic outside ``lang="uk"``."""

from __future__ import annotations

import re
from html.parser import HTMLParser

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Elements without an end tag: they never enclose text, so they never open a language.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
#: Attributes whose value a person reads or hears.
READ_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder", "content", "label"})


class _LanguageWalker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.ignored = 0  # inside <script> or <style>
        self.found: list[tuple[str, str]] = []

    def language(self) -> str | None:
        return next((lang for _tag, lang in reversed(self.stack) if lang), None)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang") or None
        own = lang or self.language()
        for name in READ_ATTRIBUTES & attributes.keys():
            if own != "uk" and CYRILLIC.search(attributes[name] or ""):
                self.found.append((f"<{tag} {name}>", attributes[name]))
        if tag in ("script", "style"):
            self.ignored += 1
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.ignored = max(0, self.ignored - 1)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.ignored and CYRILLIC.search(data) and self.language() != "uk":
            where = "/".join(tag for tag, _lang in self.stack[-3:])
            self.found.append((where, data.strip()[:80]))


def ukrainian_outside_lang_uk(html: str) -> list[tuple[str, str]]:
    """``(where, text)`` for each Cyrillic text or read attribute whose language is not "uk"."""
    walker = _LanguageWalker()
    walker.feed(html)
    walker.close()
    return walker.found
