"""The shape of the code (issue 18): no import cycle among brief's modules at import time, and no module so long
that it holds more than one job."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "brief"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_at_import_time(path: Path, modules: set[str]) -> set[str]:
    """The brief modules `path` imports when it is imported: its module-level imports, not those inside a function
    (made when first needed) or under `if TYPE_CHECKING:` (never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for statement in ast.walk(node) if isinstance(node, (ast.If, ast.Try)) else [node]:
            if isinstance(statement, ast.Import):
                names = [alias.name for alias in statement.names]
            elif isinstance(statement, ast.ImportFrom):
                assert not statement.level, f"{path}: brief imports absolutely"
                base = statement.module or ""
                names = [base, *(f"{base}.{alias.name}" for alias in statement.names)]
            else:
                continue
            found.update(name for name in names if name in modules)
    return found


def test_no_module_imports_itself_back_at_import_time() -> None:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    graph = {module_name(path): imported_at_import_time(path, modules) - {module_name(path)} for path in paths}
    assert graph["brief.cli"] and "brief.loader" in graph["brief.cli"]  # the reading of imports reads them
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph[module]):
            assert state.get(imported) != "open", " -> ".join([*trail, module, imported])
            if imported not in state:
                visit(imported, [*trail, module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_no_module_is_over_400_lines() -> None:
    long = {str(path.relative_to(ROOT)): count for path in PACKAGE.rglob("*.py")
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
