"""The site around the transcript pages: the index pages and search index (indexes/), the data
files (export), citations and corrections (cite, transcript_tools), feeds, the offline copy, the
checks of a built site (checklinks, integrity, check_site) and the thin glue to the engine
(mkdocs_hooks)."""
