"""Fail when a Persian msgstr is missing or fuzzy in the given .po files (the project's and
each app's own, see docs/decisions/0008-module-translations.md)."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def problems(po_text: str) -> list[str]:
    found = []
    for block in po_text.split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not any(line.startswith("msgid") for line in lines):
            continue
        msgid = _field(lines, "msgid")
        if msgid == "":
            continue  # the header
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            found.append(f"fuzzy: {msgid!r}")
            continue
        if any(line.startswith("msgid_plural") for line in lines):
            forms = [_field(lines, f"msgstr[{i}]") for i in range(2)]
            if any(not form for form in forms if form is not None) or forms[0] is None:
                found.append(f"missing plural: {msgid!r}")
        elif not _field(lines, "msgstr"):
            found.append(f"missing: {msgid!r}")
    return found


def _field(lines: list[str], key: str) -> str | None:
    value = None
    for line in lines:
        if line.startswith(key + " "):
            value = _unquote(line[len(key) + 1 :])
        elif value is not None and line.startswith('"'):
            value += _unquote(line)
        elif value is not None:
            break
    return value


def _unquote(text: str) -> str:
    match = re.match(r'^"(.*)"$', text.strip())
    return match.group(1) if match else ""


if __name__ == "__main__":
    total = 0
    for path in map(Path, sys.argv[1:]):
        if not path.exists():
            sys.exit(f"{path}: missing; run `make messages` and translate it")
        issues = problems(path.read_text(encoding="utf-8"))
        for issue in issues:
            print(f"{path}: {issue}", file=sys.stderr)
        total += len(issues)
        if not issues:
            print(f"{path}: all Persian translations present")
    if total:
        sys.exit(f"{total} Persian translation(s) missing or fuzzy")
