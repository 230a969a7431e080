"""The core never imports Qt, and openpyxl/reportlab are imported only where used."""

import ast
import functools
import re
from pathlib import Path

import kinerja_desktop

PACKAGE = Path(kinerja_desktop.__file__).parent
CORE = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The module at ``path``, parsed once for all the tests of this file (they only read it)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node))
    return found


def test_core_modules_never_import_qt():
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in CORE
        for name, _ in _imports(_tree(path))
        if name.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert CORE and offenders == []


def test_heavy_libraries_are_not_imported_at_module_level():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = _tree(path)
        for node in tree.body:
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name, _ in _imports(node):
                if name.split(".")[0] in ("openpyxl", "reportlab"):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _import_graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, lazily or not."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported, node in _imports(_tree(path)):
            submodules = set()
            if isinstance(node, ast.ImportFrom):
                # "from kinerja_desktop.db import ops_jabatan" imports the module ops_jabatan
                submodules = {f"{imported}.{a.name}" for a in node.names} & modules.keys()
            targets |= submodules
            if imported in modules and imported != "kinerja_desktop" and not submodules:
                targets.add(imported)
        graph[name] = targets - {name}
    return graph


def test_no_module_imports_itself_back():
    graph = _import_graph()
    circles = []
    for start in graph:
        # a module that can reach itself again through its imports is on a circle
        seen, todo = set(), list(graph[start])
        while todo:
            module = todo.pop()
            if module == start:
                circles.append(start)
                break
            if module not in seen:
                seen.add(module)
                todo += graph.get(module, ())
    assert circles == []


def test_layers_import_only_downwards():
    """domain < db < (exchange | reports) < cli, ui; reports never use exchange, and exchange
    uses reports only to put them into the kabupaten package and to read back the IKI workbook
    that reports/iki_xlsx wrote (its layout, reports/iki_struktur, is built on the report's
    own rows)."""
    below = {
        "domain": {"db", "exchange", "reports", "cli", "ui"},
        "db": {"exchange", "reports", "cli", "ui"},
        "exchange": {"reports", "cli", "ui"},
        "reports": {"exchange", "cli", "ui"},
    }
    offenders = []
    for module, imported in _import_graph().items():
        parts = module.split(".")
        layer = parts[1] if len(parts) > 2 else None
        for target in imported:
            target_layer = target.split(".")[1] if target.count(".") >= 2 else None
            if target_layer in below.get(layer, ()):
                if (
                    layer == "exchange"
                    and target_layer == "reports"
                    and (".paket" in module or module.endswith(".iki_import"))
                ):
                    continue
                offenders.append(f"{module} -> {target}")
    assert offenders == []


def test_a_module_over_400_lines_says_why_it_is_long():
    silent = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        opening = ast.get_docstring(_tree(path)) or ""
        if text.count("\n") > 400 and "Long because" not in opening:
            silent.append(str(path.relative_to(PACKAGE)))
    assert silent == []


def test_operations_return_one_result_shape():
    """A public function of the core that changes data returns a ``Hasil`` (db/changes.py):
    never a bare ``Perubahan`` and never a tuple carrying one beside its undo data."""
    offenders = []
    for path in CORE:
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.FunctionDef) or node.returns is None:
                continue
            returns = ast.unparse(node.returns)
            bare = returns in ("Perubahan", "Perubahan | None") and not node.name.startswith("_")
            if bare or ("tuple[" in returns and re.search(r"\bPerubahan\b", returns)):
                offenders.append(f"{path.relative_to(PACKAGE)}: {node.name} -> {returns}")
    # nor a result class of its own beside Hasil that carries a change record
    for path in CORE:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef) and node.name != "Hasil":
                for item in node.body:
                    if isinstance(item, ast.AnnAssign) and ast.unparse(item.annotation) in (
                        "Perubahan",
                        "Perubahan | None",
                    ):
                        offenders.append(f"{path.relative_to(PACKAGE)}: {node.name} -> class")
    # the constructors of a change record, which operations put into their Hasil
    allowed = {
        "db/changes.py: everything_changed",
        "db/changes.py: combined",
        "db/ops_skp.py: perubahan_skp",
    }
    assert [o for o in offenders if o.rsplit(" ->", 1)[0] not in allowed] == []


def test_views_never_query_tables():
    """A module under ui/ reads through db/queries*.py (plain rows, bulk) and writes through
    operations: it imports no model class and not ``database_proxy`` from db/models.py.
    Constants defined there (upper-case names such as ``SUMBER_ENTRI``) may be imported."""
    found = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        module = str(path.relative_to(PACKAGE))
        for name, node in _imports(_tree(path)):
            if not isinstance(node, ast.ImportFrom):  # "import kinerja_desktop.db.models"
                if name == "kinerja_desktop.db.models":
                    found.append(f"{module}: models")
                continue
            names = [a.name for a in node.names]
            if name == "kinerja_desktop.db.models":
                found += [f"{module}: {n}" for n in names if not n.isupper()]
            elif name == "kinerja_desktop.db" and "models" in names:
                found.append(f"{module}: models")
    assert found == []
