"""The contributor's tools: `add` (a text, a saved page or an address) and `import` (an export),
source detection for unknown websites (chrome), near-duplicates, `validate` with the JSON Schemas,
`review` of a pull request, and `generate --explain`."""
