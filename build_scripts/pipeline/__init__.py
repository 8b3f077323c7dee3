"""The stages one transcript passes through, in order:

    read (read, html_page, csv_record, sidecar, language)
    -> clean (clean, unwrap, boilerplate)
    -> metadata (metadata, dates, date_forms, labels, people_facts, source_facts, facts_common)
    -> structure (structure) -> topics (topics) -> links (links)
    -> render (render, render_meta, render_links, glossary)

`build_scripts/build.py` runs them; each takes the Transcript and returns it with its stage done.
"""
