"""The project's import graph, read from the source with `ast`: no cycle, and the layers
point one way (a selector never imports a service or a task)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = "peyvand"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    if node.level:
        base = module.split(".")
        if not is_package:
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    # `from pkg import name` imports pkg.name when that is a module, else pkg itself
    return [prefix, *(f"{prefix}.{alias.name}" for alias in node.names)]


def import_graph() -> dict[str, set[str]]:
    """Module -> the project's modules it imports (module level and inside functions)."""
    files = {
        module_name(p): p for p in (ROOT / PACKAGE).rglob("*.py") if "migrations" not in p.parts
    }
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        targets: set[str] = set()
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                targets.update(_resolve(node, module, is_package))
        graph[module] = {t for t in targets if t in files and t != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def _layer(module: str) -> str:
    parts = module.split(".")
    for layer in ("selectors", "services", "tasks"):
        if layer in parts:
            return layer
    return ""


def test_the_graph_sees_relative_and_function_level_imports() -> None:
    graph = import_graph()
    assert (
        "peyvand.network.discover.selectors.scope"
        in graph["peyvand.network.discover.selectors.recommendations"]
    )
    assert "peyvand.network.tasks" in graph["peyvand.network.apps"]  # inside ready()


def test_there_is_no_import_cycle() -> None:
    assert find_cycle(import_graph()) is None


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


# Known and left for the app's owners: the health facts that partnerships' selectors read
# are defined in its services (they belong in a module both can import).
KNOWN = {"peyvand.partnerships.selectors -> peyvand.partnerships.services"}


def test_no_selector_imports_a_service_or_a_task() -> None:
    wrong = {
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        if _layer(module) == "selectors"
        for target in targets
        if _layer(target) in ("services", "tasks")
    }
    assert wrong - KNOWN == set()
    assert not any(w.startswith("peyvand.network.") for w in wrong)
