"""The house's import rules, read from the code: no cycle, selectors never reach services
or tasks, and an app imports only the apps below it (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # peyvand/
# Lower first: an app may import the apps before it, never those after it.
LAYERS = {
    "core": 0,
    "accounts": 1,
    "audit": 1.5,  # records every app's writes from the model signals; imported by none
    "records": 2,
    "places": 3,
    "search": 4,
    "network": 5,
    "partnerships": 6,
    "organizations": 7,
    "missions": 8,
    "knowledge": 9,
    "opportunities": 10,
    "portal": 11,
    "exchange": 11,
    "agenda": 12,
    "reports": 13,
    "dashboard": 14,
    "api": 14,
}


def _module_name(path: Path) -> str:
    parts = ["peyvand", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every project module this file imports, at module level or inside a function."""
    name = _module_name(path)
    package = name if _is_package(path) else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    files = [
        p for p in ROOT.rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts
    ]
    modules = {_module_name(p) for p in files}
    return {_module_name(p): _imports(p, modules) for p in files}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _app(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _within_package(importer: str, imported: str) -> bool:
    """A package's __init__ importing its own modules (a facade) is not a cycle."""
    return imported.startswith(importer + ".")


def test_there_is_no_import_cycle() -> None:
    graph = {
        name: {t for t in targets if not _within_package(name, t)}
        for name, targets in _graph().items()
    }
    assert _cycle(graph) is None


def test_selectors_never_import_services_or_tasks() -> None:
    offenders = {
        (name, target)
        for name, targets in _graph().items()
        if ".selectors" in name
        for target in targets
        if ".services" in target or target.endswith(".tasks")
    }
    assert offenders == set()


def test_an_app_imports_only_the_apps_below_it() -> None:
    offenders = {
        (name, target)
        for name, targets in _graph().items()
        for target in targets
        if _app(name) in LAYERS
        and _app(target) in LAYERS
        and LAYERS[_app(target)] > LAYERS[_app(name)]
    }
    assert offenders == set()
