"""A page's elements for tests, found with simple CSS selectors (no dependency).

Supports compound selectors joined by spaces (descendants): `tag`, `#id`, `.class`,
`[attr]` and `[attr=value]` (quoted or not), e.g. `[data-log-activity] [name=title]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
PART = re.compile(r"([#.]?[\w-]+)|\[([\w-]+)(?:=(?:'([^']*)'|\"([^\"]*)\"|([^\]]*)))?\]")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Any] = field(default_factory=list)  # Element or text

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def has_attr(self, name: str) -> bool:
        return name in self.attrs

    def get_text(self, sep: str = "", strip: bool = False) -> str:
        parts = [c if isinstance(c, str) else c.get_text(sep, strip) for c in self.children]
        if strip:
            parts = [p.strip() for p in parts if p.strip()]
        return sep.join(parts)

    def descendants(self) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                found.append(child)
                found.extend(child.descendants())
        return found

    def _matches(self, compound: str) -> bool:
        for m in PART.finditer(compound):
            simple, attr = m.group(1), m.group(2)
            if simple:
                if simple[0] == "#" and self.attrs.get("id") != simple[1:]:
                    return False
                if simple[0] == "." and simple[1:] not in self.attrs.get("class", "").split():
                    return False
                if simple[0] not in "#." and self.tag != simple:
                    return False
            else:
                value = next((g for g in m.groups()[2:] if g is not None), None)
                if attr not in self.attrs or (value is not None and self.attrs[attr] != value):
                    return False
        return True

    def select(self, selector: str) -> list[Element]:
        scope = [self]
        for compound in selector.split():
            scope = list(
                {id(e): e for s in scope for e in s.descendants() if e._matches(compound)}.values()
            )
        return scope

    def select_one(self, selector: str) -> Element | None:
        found = self.select(selector)
        return found[0] if found else None

    def one(self, selector: str) -> Element:
        """The first element the selector finds (the test fails when there is none)."""
        found = self.select_one(selector)
        assert found is not None, f"nothing matches {selector!r}"
        return found

    def next_with_class(self, class_: str) -> Element:
        found = self.find_next_sibling(class_)
        assert found is not None, f"no next sibling of class {class_!r}"
        return found

    def find_next_sibling(self, class_: str) -> Element | None:
        assert self.parent is not None
        siblings = [c for c in self.parent.children if isinstance(c, Element)]
        for other in siblings[siblings.index(self) + 1 :]:
            if class_ in other.attrs.get("class", "").split():
                return other
        return None


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    return builder.root
