"""The shared model and plumbing: the Transcript object, errors that name file:line, the rule
files, escaping, the front-matter writer, writing docs/ whole, incremental runs, progress and git history."""
