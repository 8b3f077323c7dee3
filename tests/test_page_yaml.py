"""page_yaml writes front matter faster than PyYAML; it must write exactly what PyYAML writes.

The reference is the call render.py made before: yaml.dump with libyaml's safe
dumper, no aliases, keys in order, Unicode kept, width 100, block style."""
from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.core.page_yaml import dump_front_matter


class Reference(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    def ignore_aliases(self, data) -> bool:
        return True


def reference(data) -> str:
    return yaml.dump(data, Dumper=Reference, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


# Text that trips YAML: indicators, quotes, look-alikes of numbers, booleans and nulls,
# typographic quotes and dashes, non-Latin letters, and lengths around the fold at 100 columns.
PIECES = st.sampled_from(["a", "Lavrov:", "it's", "#tag", "- x", "“quoted”", "Q1.", "’", "–", "10:30", "'", "''",
                          "yes", "No", "null", "~", "0x1F", "1e3", "007", "2021-04-08", "é", "Нур-Султан", "&a", "*b",
                          "!c", "%d", "@e", "`f", "[g]", "{h}", "|", ">", "?", ",", "a: b", "  ", "\t", "x" * 60])
TEXT = st.lists(st.one_of(PIECES, st.text(min_size=0, max_size=12)), max_size=30).map(" ".join)
KEYS = st.one_of(st.sampled_from(["title", "date", "topics", "slug", "heading", "note", "source", "url"]),
                 st.from_regex(r"[a-z_]{1,12}", fullmatch=True))
SCALARS = st.one_of(TEXT, st.integers(-10**6, 10**6), st.booleans(), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6))
def test_same_bytes_as_pyyaml(front_matter):
    assert dump_front_matter(front_matter) == reference(front_matter)


def test_same_bytes_as_pyyaml_for_every_seed_page(corpus):
    from build_scripts.pipeline.render import front_matter

    for transcript in corpus.values():
        data = front_matter(transcript)
        assert dump_front_matter(data) == reference(data)
