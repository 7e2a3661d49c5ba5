"""Import adopts the standard wording of a long list of documents in time
linear in its length: each standard wording is rendered once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cwgdraft.core.synthetic import synthetic_report
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file
from cwgdraft.importer import standard as standard_module


@pytest.fixture
def renderings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The standard wordings rendered while importing (the real renderer runs)."""
    names: list[str] = []
    real = standard_module.standard_content

    def counted(report: Any, name: str, ref: str = "", template: Any = None) -> Any:
        names.append(name)
        return real(report, name, ref, template)

    monkeypatch.setattr(standard_module, "standard_content", counted)
    return names


def test_a_long_list_of_documents_renders_each_wording_once(tmp_path: Path, renderings: list[str]) -> None:
    report = synthetic_report(paragraphs=900, meetings=3, contributions=300)
    path = write_docx(render(report), tmp_path / "long.docx")
    got = import_file(path).report
    contributions = len(got.contributions)
    assert contributions >= 250
    # One item wording per contribution, a few others; not one per item and contribution.
    assert len(renderings) <= contributions + 20, len(renderings)
    assert renderings.count("document_item") <= contributions
