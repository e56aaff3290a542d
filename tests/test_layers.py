"""The floors of the codebase, read from every module's imports (``ast``, not by importing).

- the **ground floor** (the document model, the text rules' and HTML rules' views and the
  text's keyword scan, shapes, features, dates, wordings, configuration, errors, deadlines)
  imports nothing above it;
- **rules** (and packs, rules written in TOML) import only the ground floor;
- **stages** import only the ground floor: never a rule;
- the **engine** imports the ground floor, rules and stages;
- **io** (readers, writers, the record schema) imports only the ground floor;
- the rest (plugins, the pipeline, corpora, integrations, the CLI) may import any floor.

And no module imports, through any chain, a module that imports it back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
GROUND = {"document", "errors", "config", "text", "triggers", "elements", "shapes", "features",
          "dates", "patterns", "limits"}
#: Each floor, and the floors its modules may import.
MAY_IMPORT = {
    "ground": {"ground"},
    "rules": {"ground", "rules"},
    "stages": {"ground", "stages"},
    "engine": {"ground", "rules", "stages", "engine"},
    "io": {"ground", "io"},
}


def floor(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts:
        return "top"
    if parts[0] in GROUND:
        return "ground"
    if parts[0] in ("rules", "packs"):
        return "rules"
    if parts[0] in ("stages", "engine", "io"):
        return parts[0]
    return "top"


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "dechaff").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def _package(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def _resolve(name: str) -> str | None:
    """The most specific module of dechaff's that ``name`` (a dotted path) names."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(module: str) -> set[str]:
    """The modules of dechaff's that ``module`` imports, anywhere in it (``TYPE_CHECKING``
    and function-level imports too), with the packages they sit in that it stands outside."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package(module).split(".")
                package = package[:len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            if name == "dechaff" or name.startswith("dechaff."):
                target = _resolve(name)
                if target and target != module:
                    found.add(target)
    for target in list(found):
        parent = target.rpartition(".")[0]
        while parent not in ("", "dechaff"):
            if module != parent and not module.startswith(parent + "."):
                found.add(parent)  # importing a package's module runs the package first
            parent = parent.rpartition(".")[0]
    found.discard("dechaff")  # every module sits in it: its own imports are its own
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_the_floors_are_known():
    assert {"dechaff.document", "dechaff.text", "dechaff.elements"} <= set(MODULES)
    assert all(floor(m) in (*MAY_IMPORT, "top") for m in MODULES)


@pytest.mark.parametrize("module", [m for m in MODULES if floor(m) != "top"])
def test_no_floor_imports_from_a_floor_above_it(module):
    wrong = sorted(t for t in GRAPH[module] if floor(t) not in MAY_IMPORT[floor(module)])
    assert not wrong, f"{module} ({floor(module)}) imports {wrong}"


def test_no_import_loops():
    """Every cycle of imports, found by a depth-first walk of the graph."""
    state: dict[str, int] = {}
    loops = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                loops.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in MODULES:
        if module not in state:
            visit(module, [module])
    assert not loops, "import loops: " + "; ".join(" -> ".join(loop) for loop in loops)


def test_the_walk_reads_imports():
    assert "dechaff.rules.base" in GRAPH["dechaff.engine.validate"]
    assert "dechaff.rules" in GRAPH["dechaff.engine.validate"]  # the package runs first
    assert "dechaff.document" in GRAPH["dechaff.rules.base"]
