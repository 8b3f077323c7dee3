"""The JSON Schemas in schema/ say what the code does: the sidecars it accepts, the front matter it writes."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from build_scripts.build import load_corpus
from build_scripts.core.model import PROVENANCE_SOURCES
from build_scripts.pipeline.render import front_matter, render_page
from build_scripts.pipeline.render_meta import EVENT_NAMES, PROVENANCE_KEYS
from build_scripts.core.rules import EVENT_TYPES
from build_scripts.contributors.schema import FRONT_MATTER_SCHEMA, SIDECAR_SCHEMA, front_matter_problems, sidecar_problems
from build_scripts.pipeline.sidecar import FACT_FORM_KEYS, KEYS, SOURCE_KEYS, TOPIC_KEYS, read_sidecar
from conftest import CORPUS, ROOT, run

FIXTURES = ROOT / "tests" / "fixtures" / "sidecars"
TEXT = ("Foreign Minister Sergey Lavrov's remarks at a news conference, Moscow, September 9, 2020\n\n"
        "Ladies and gentlemen,\n\nQuestion: When?\n\nSergey Lavrov: Soon.\n")

# Broken sidecars (tests/fixtures/sidecars) the schema refuses too: the first problem, and its line.
REFUSED_BY_SCHEMA = {
    "alias-bomb": ("unknown keys `a`, `b`", 1),  # for its keys: anchors as such are beyond a schema
    "counterparts-not-a-list": ("`counterparts` must be a list, not text", 1),
    "date-not-iso": ('`date` is not in the expected form: "November 2020"', 1),
    "not-a-mapping": ("the sidecar must be a mapping, not a list", None),
    "place-not-text": ("`place` must be text or empty (null), not a number", 1),
    "source-url-not-http": ('`source.url` is not in the expected form: "javascript:alert(1)"', 1),
    "time-unquoted": ("`time` must be text, not a number", 1),
    "topics-not-a-mapping": ("`topics` must be a mapping, not a list", 1),
    "unknown-event-type": ('`event_type` has a value that is not allowed: "presser"', 1),
    "unknown-fact-key": ("unknown key `infered` under `date`", 1),
    "unknown-key": ("unknown key `plase`", 2),
    "unknown-source-key": ("unknown key `publsher` under `source`", 1),
    "unknown-topics-key": ("unknown key `ad` under `topics`", 1),
}
# Broken sidecars only the code can refuse, and why.
NOT_EXPRESSIBLE = {
    "date-that-does-not-exist": "YAML refuses 2021-02-31 while reading it: there is no data to check",
    "invalid-yaml": "a YAML syntax error: there is no data to check",
    "python-tag": "safe YAML refuses the tag while reading it: there is no data to check",
    "duplicate-key": "YAML keeps the last of two equal keys, so the data shows nothing wrong",
    "unknown-topic": "`syrai` is a well-formed slug; only topics.yml knows it is not a topic",
    "topic-added-and-removed": "a relation between two lists, not the form of either",
}


def _schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _key_lines(text: str) -> dict[str, int]:
    """Return top-level key -> line, as sidecar.read_sidecar records them."""
    node = yaml.compose(text)
    return {k.value: k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}


def _front_matter(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n"), page
    return yaml.safe_load(text.split("---\n", 2)[1])


# (a) the schemas themselves


@pytest.mark.parametrize("path", [SIDECAR_SCHEMA, FRONT_MATTER_SCHEMA], ids=lambda p: p.name)
def test_schema_is_a_valid_draft_2020_12_schema(path):
    schema = _schema(path)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"]


def _declared_properties(node: dict, where: str = ""):
    """Yield (dotted name, schema) for each property declared in `node`, its items and its $defs."""
    for name, sub in node.get("properties", {}).items():
        yield f"{where}{name}", sub
        yield from _declared_properties(sub, f"{where}{name}.")
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            yield from _declared_properties(node[key], f"{where}{key}.")
    for name, sub in node.get("$defs", {}).items():
        yield from _declared_properties(sub, f"$defs.{name}.")


@pytest.mark.parametrize("path", [SIDECAR_SCHEMA, FRONT_MATTER_SCHEMA], ids=lambda p: p.name)
def test_every_property_has_a_description_for_editors(path):
    declared = list(_declared_properties(_schema(path)))
    assert len(declared) > 20
    assert [where for where, sub in declared if "description" not in sub] == []


def test_sidecar_schema_has_the_keys_and_event_types_the_code_allows():
    schema = _schema(SIDECAR_SCHEMA)
    assert tuple(schema["properties"]) == KEYS
    assert tuple(schema["properties"]["source"]["properties"]) == SOURCE_KEYS
    assert tuple(schema["properties"]["topics"]["properties"]) == TOPIC_KEYS
    assert tuple(schema["$defs"]["fact"]["properties"]) == FACT_FORM_KEYS
    assert tuple(schema["$defs"]["event-type"]["enum"]) == EVENT_TYPES == tuple(EVENT_NAMES)


def test_front_matter_schema_has_the_provenance_keys_and_sources_the_code_writes():
    schema = _schema(FRONT_MATTER_SCHEMA)
    assert tuple(schema["properties"]["provenance"]["propertyNames"]["enum"]) == PROVENANCE_KEYS
    assert tuple(schema["$defs"]["provenance"]["properties"]["source"]["enum"]) == PROVENANCE_SOURCES
    assert schema["properties"]["event_type"]["enum"] == [*EVENT_TYPES, None]


def test_every_topic_slug_fits_the_sidecar_schema(rules):
    slugs = [{"topics": {"add": [topic.slug]}} for topic in rules.topics]
    assert slugs and [p for data in slugs for p in sidecar_problems("x.yml", data, {})] == []


# (b) real sidecars, and the examples on the site's About page


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.yml")), ids=lambda p: p.name)
def test_real_sidecar_fits_the_schema(path):
    name = path.relative_to(ROOT).as_posix()
    data, lines = read_sidecar(path, name)
    assert data, "a real sidecar says something"
    assert [str(p) for p in sidecar_problems(name, data, lines)] == []


def test_about_page_sidecar_examples_fit_the_schema():
    """The sidecar examples of the reference page (build_scripts/pages/about/metadata.md) are valid sidecars."""
    name = "build_scripts/pages/about/metadata.md"
    text = (ROOT / name).read_text(encoding="utf-8")
    section = text.split("\n## Sidecar files\n", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("```", 1)[0] for block in section.split("```yaml\n")[1:]]
    assert len(blocks) >= 2
    for block in blocks:
        data = yaml.safe_load(block)
        assert data and [str(p) for p in sidecar_problems(name, data, {})] == [], block


# (c) broken sidecars


def test_every_broken_fixture_is_classified():
    assert not set(REFUSED_BY_SCHEMA) & set(NOT_EXPRESSIBLE)
    assert sorted(p.stem for p in FIXTURES.glob("*.yml")) == sorted({**REFUSED_BY_SCHEMA, **NOT_EXPRESSIBLE})


@pytest.mark.parametrize("name", sorted(REFUSED_BY_SCHEMA))
def test_broken_fixture_is_refused_by_the_schema_too(name):
    text = (FIXTURES / f"{name}.yml").read_text(encoding="utf-8")
    problems = sidecar_problems(f"corpus/{name}.yml", yaml.safe_load(text), _key_lines(text))
    message, line = REFUSED_BY_SCHEMA[name]
    assert problems, f"the schema accepts {name}"
    assert problems[0].message.startswith(message)
    assert problems[0].line == line
    assert problems[0].severity == "error"
    assert str(problems[0]).startswith(f"corpus/{name}.yml" + (f":{line}" if line else "") + ": error: ")


@pytest.mark.parametrize("name", sorted(NOT_EXPRESSIBLE))
def test_fixture_beyond_a_schema_is_unreadable_or_accepted(name):
    """If the schema starts refusing one of these, move it to REFUSED_BY_SCHEMA."""
    text = (FIXTURES / f"{name}.yml").read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        return
    assert sidecar_problems(f"corpus/{name}.yml", data, {}) == []


# What the generator accepts and refuses, side by side with the schema: (sidecar, accepted by both).
AGREEMENT = [
    ("", True),
    ("date: 2020", True),
    ("date: 2020-09-09", True),  # YAML reads a date; the generator takes it as the day
    ("date: '2020-11'", True),
    ("date: {value: 2020-09-09, inferred: true, note: From line 3.}", True),
    ("date: 2020-13", False),
    ("date: 20201", False),
    ("date: {inferred: true}", False),
    ("date: {value: 2020, note: null}", False),
    ("time: '09:30'", True),
    ("time: {value: '23:59'}", True),
    ("time: '9:30'", False),
    ("time: {value: 14:32}", False),
    ("title: null", True),
    ("title: {value: Talks, inferred: 1}", False),
    ("place: ''", True),
    ("place: [Moscow]", False),
    ("event_type: other", True),
    ("event_type: null", False),
    ("speakers: []", True),
    ("speakers: [{name: Sergey Lavrov}]", True),
    ("counterparts: [{name: Erlan Idrisov, role: null}]", True),
    ("speakers: [{name: ' '}]", False),
    ("speakers: [{role: Minister}]", False),
    ("counterparts: [{name: A, title: Minister}]", False),
    ("source: {publisher: null, via: GlobalSecurity.org, url: 'http://example.org/a?b=1'}", True),
    ("source: {url: ''}", True),
    ("source: {url: 'ftp://example.org/a'}", False),
    ("source: {url: 'https://example.org/a b'}", False),
    ("source: {url: 42}", False),
    ("source: null", False),
    ("topics: {}", True),
    ("topics: {add: [csto], remove: [space], note: why}", True),
    ("topics: {add: null}", False),
    ("topics: {note: [why]}", False),
    ("note: An editor's note.", True),
    ("note: null", False),
]


@pytest.mark.parametrize("text,accepted", AGREEMENT, ids=[text or "(empty)" for text, _ in AGREEMENT])
def test_schema_agrees_with_the_generator(text, accepted, tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "x.yml").write_text(text + "\n", encoding="utf-8")
    result = load_corpus(corpus, rules)
    assert not result.errors if accepted else result.errors, "the generator's verdict"
    problems = sidecar_problems("corpus/x.yml", yaml.safe_load(text) or {}, _key_lines(text))
    assert (problems == []) == accepted, [str(p) for p in problems]


def test_problem_line_is_that_of_the_deepest_known_key():
    lines = {"topics": 1, "topics.add.0": 2, "topics.add.1": 3}
    problems = sidecar_problems("x.yml", {"topics": {"add": ["csto", "Bad Slug"], "remove": "space"}}, lines)
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(3, "`topics.add.1`"), (1, "`topics.remove`")]
    assert "lower-case letters, digits and hyphens" in problems[0].hint


# (d) front matter of generated pages


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("schema-docs")
    result = run(sys.executable, "-m", "build_scripts", "generate", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out / "transcripts"


def test_every_generated_page_has_front_matter_that_fits_the_schema(generated):
    pages = sorted(generated.glob("*/index.md"))
    assert [p.parent.name for p in pages] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    for page in pages:
        meta = _front_matter(page)
        assert [str(p) for p in front_matter_problems(page.parent.name, meta)] == [], page.parent.name


def test_front_matter_schema_lists_every_key_in_the_order_written(generated):
    meta = _front_matter(next(generated.glob("*/index.md")))
    schema = _schema(FRONT_MATTER_SCHEMA)
    assert list(schema["properties"]) == schema["required"] == list(meta)


def test_front_matter_of_an_undated_page_with_sidecar_topics_fits_the_schema(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "undated.txt").write_text("Interview with a newspaper\n\nQuestion: When?\n\n"
                                        "Sergey Lavrov: Soon. The CSTO and the SCO.\n", encoding="utf-8")
    (corpus / "undated.yml").write_text("topics: {add: [csto], remove: [sco], note: Line 5.}\n"
                                        "source: {url: 'https://example.org/a'}\nnote: Checked.\n", encoding="utf-8")
    result = load_corpus(corpus, rules)
    assert not result.errors
    (t,) = result.transcripts
    meta = yaml.safe_load(render_page(t).split("---\n", 2)[1])
    assert (meta["date"], meta["date_precision"], meta["date_label"]) == (None, "unknown", "Undated")
    assert {m["source"] for m in meta["topics"] + meta["topics_not_assigned"]} == {"sidecar"}
    assert [str(p) for p in front_matter_problems("undated.md", meta)] == []
    assert list(meta) == list(front_matter(t))


# (e) bad front matter


def test_bad_front_matter_is_refused_naming_the_key(generated):
    meta = _front_matter(generated / "2020-09-09-moscow-lavrov-tleuberdi" / "index.md")
    del meta["id"]
    meta["date_precision"] = "week"
    messages = [f"{p.message} — {p.hint}" for p in front_matter_problems("x.md", meta)]
    assert "the front matter needs `id` — add `id:`" in messages
    assert ('`date_precision` has a value that is not allowed: "week" — use one of: day, month, year, unknown'
            in messages)


@pytest.mark.parametrize("change,message", [
    (lambda m: m.update(date="2020-09"), "`date` is not in the expected form"),  # precision says day
    (lambda m: m.update(time="2:32 pm"), "`time` is not in the expected form"),
    (lambda m: m["source"].pop("url"), "`source` needs `url`"),
    (lambda m: m["provenance"].update(weather={"source": "extracted"}), "unknown key `weather` under `provenance`"),
    (lambda m: m["provenance"]["title"].update(source="guessed"), "`provenance.title.source` has a value"),
    (lambda m: m["topics"][0].update(file="corpus/x.yml"), "`topics.0.file` is not allowed here"),
    (lambda m: m.update(title="<script>alert(1)</script>"), "`title` is not in the expected form"),
    (lambda m: m["speakers"][0].pop("role"), "`speakers.0` needs `role`"),
    (lambda m: m.update(colour="red"), "unknown key `colour`"),
], ids=["date-form", "time", "source-url", "provenance-key", "provenance-source", "topic-file", "title-html",
        "speaker-role", "unknown-key"])
def test_front_matter_change_is_refused(change, message, generated):
    meta = _front_matter(generated / "2020-09-09-moscow-lavrov-tleuberdi" / "index.md")
    assert front_matter_problems("x.md", meta) == []
    change(meta)
    assert [p.message for p in front_matter_problems("x.md", meta) if p.message.startswith(message)]
