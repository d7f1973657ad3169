"""The stages import only the stages to their left (design card), checked on the source itself."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "collectors": {"store", "classifier", "pipelines", "dashboard"},
    "store": {"classifier", "pipelines", "dashboard"},
    "classifier": {"collectors", "store", "pipelines", "dashboard", "prefect", "streamlit", "sqlalchemy"},
    "pipelines": {"dashboard", "streamlit"},
    "dashboard": {"collectors", "pipelines", "prefect"},
    "peerfeed": set(),  # the CLI wires stages together; the core records/settings import none of them
}
CORE_MODULES = ["records.py", "settings.py", "sources.py", "dedupe.py"]


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", [p for p in FORBIDDEN if p != "peerfeed"])
def test_stage_imports_only_stages_to_its_left(package):
    offenders = []
    for path in sorted((REPO / package).rglob("*.py")):
        bad = imported_packages(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(REPO)} imports {', '.join(sorted(bad))}")
    assert not offenders, "\n".join(offenders)


def test_core_imports_no_stage():
    stages = {"collectors", "store", "classifier", "pipelines", "dashboard"}
    for name in CORE_MODULES:
        bad = imported_packages(REPO / "peerfeed" / name) & stages
        assert not bad, f"peerfeed/{name} imports {bad}"


def test_boundary_check_catches_a_violation(tmp_path):
    bad = tmp_path / "m.py"
    bad.write_text("from store.db import make_engine\nimport dashboard.app\n")
    assert imported_packages(bad) == {"store", "dashboard"}
