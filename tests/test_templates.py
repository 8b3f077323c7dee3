"""The contributor templates in .github/: issue forms GitHub can read, with the fields CONTRIBUTING.md promises."""
from __future__ import annotations

import re

import pytest
import yaml

from build_scripts.contributors.schema import sidecar_problems
from conftest import ROOT

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
# form -> {field id: required?}, as CONTRIBUTING.md and the forms' own text describe them
FIELDS = {
    "add-transcript": {"source-url": True, "date": False, "place": False, "participants": False,
                       "raw-text": False, "provenance": False},
    "report-error": {"page": True, "anchor": True, "says": True, "should-say": True, "evidence": False},
}


def _form(name: str) -> dict:
    return yaml.safe_load((TEMPLATES / f"{name}.yml").read_text(encoding="utf-8"))


def test_issue_templates_folder_holds_the_forms_and_the_config():
    assert sorted(p.name for p in TEMPLATES.iterdir()) == ["add-transcript.yml", "config.yml", "report-error.yml"]
    assert yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8")) == {"blank_issues_enabled": True}


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_issue_form_has_githubs_shape(name):
    form = _form(name)
    assert isinstance(form["name"], str) and form["name"].strip()
    assert isinstance(form["description"], str) and form["description"].strip()
    body = form["body"]
    assert body and all(item["type"] in FIELD_TYPES for item in body)
    ids = [item["id"] for item in body if "id" in item]
    assert len(ids) == len(set(ids)), "field ids are unique"
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    for item in body:
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
        else:
            assert item["attributes"]["label"].strip(), item
            assert isinstance(item.get("validations", {}).get("required", False), bool)
            assert "render" not in item["attributes"] or item["type"] == "textarea"


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_issue_form_has_the_documented_fields(name):
    fields = {item["id"]: bool(item.get("validations", {}).get("required"))
              for item in _form(name)["body"] if item["type"] != "markdown"}
    assert fields == FIELDS[name]


def test_report_error_form_explains_the_anchors():
    text = " ".join(item["attributes"].get("value", "") + item["attributes"].get("description", "")
                    for item in _form("report-error")["body"])
    for anchor in ("#qN", "#qN-pM", "#q3-p2", "#opening", "link icon"):
        assert anchor in text, anchor


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) == 6
    for needle in ("unchanged from the source", "source address is in the sidecar", "make validate", "make serve",
                   "job summary", "generated file"):
        assert any(re.search(needle, box) for box in boxes), needle


def test_contributing_sidecar_examples_fit_the_schema():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("### The sidecar", 1)[1].split("\n### ", 1)[0]
    blocks = [block.split("```", 1)[0] for block in section.split("```yaml\n")[1:]]
    assert len(blocks) == 2
    assert blocks[0].startswith("# yaml-language-server: $schema=../schema/sidecar.schema.json\n")
    for block in blocks:
        data = yaml.safe_load(block)
        assert data and [str(p) for p in sidecar_problems("CONTRIBUTING.md", data, {})] == []
