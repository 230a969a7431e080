"""The core never imports Qt, and openpyxl/reportlab are imported only where used."""

import ast
from pathlib import Path

import kinerja_desktop

PACKAGE = Path(kinerja_desktop.__file__).parent
CORE = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


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
        for name, _ in _imports(ast.parse(path.read_text(encoding="utf-8")))
        if name.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert CORE and offenders == []


def test_heavy_libraries_are_not_imported_at_module_level():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name, _ in _imports(node):
                if name.split(".")[0] in ("openpyxl", "reportlab"):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []
