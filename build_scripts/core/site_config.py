"""What the generator needs of the site's configuration: its name, description, address,
repository, and whether its pages have folder addresses (`transcripts/x/`) or file addresses
(`transcripts/x.html`, the offline copy).

Read from mkdocs.yml, the one place these are set, the way MkDocs, ProperDocs and Zensical
read it: `!ENV [NAME, default]` takes the environment variable, so the Pages workflow's
ARCHIVE_SITE_URL and ARCHIVE_REPO_URL, and `make offline`'s ARCHIVE_OFFLINE, reach the
generator as they reach the engine. With these, docs/ is complete by itself: links resolved
for the site's address style, citations, correction links and feeds written as files.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from .errors import RulesError
from .paths import ROOT

CONFIG = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    name: str = ""
    description: str = ""
    url: str = ""  # the web address, ending in "/"; "" when not known (a local build)
    repository: str = ""  # the repository's web address, no trailing "/"; "" when not known
    directory_urls: bool = True  # False in the offline copy: pages are x.html, opened from file://

    def key(self) -> dict:
        """What the generated pages depend on, for the incremental manifest."""
        return asdict(self)


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml: !ENV resolved, other tags (Python names) left as None."""


def _env(loader: _Loader, node: yaml.Node):
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)]) if os.environ[str(name)] else ""
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _plugin(plugins: object, name: str) -> dict:
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
        if entry == name:
            return {}
    return {}


def load_site_config(path: Path = CONFIG) -> SiteConfig:
    """Return the site's configuration from `path` (and the files it INHERITs), or raise RulesError."""
    data: dict = {}
    seen = set()
    while path is not None and path not in seen:
        seen.add(path)
        try:
            own = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise RulesError(f"{path}: cannot read the site's configuration: {exc}") from None
        data = {**own, **data}
        parent = own.get("INHERIT")
        path = (path.parent / parent).resolve() if parent else None
    url = str(data.get("site_url") or "")
    offline = _plugin(data.get("plugins"), "offline").get("enabled") in (True, "true", "True")
    return SiteConfig(
        name=str(data.get("site_name") or ""), description=" ".join(str(data.get("site_description") or "").split()),
        url=url if not url or url.endswith("/") else url + "/",
        repository=str((data.get("extra") or {}).get("repository") or "").rstrip("/"),
        directory_urls=bool(data.get("use_directory_urls", True)) and not offline)


_current: list[SiteConfig] = []


@cache
def _project() -> SiteConfig:
    return load_site_config()


def current() -> SiteConfig:
    """The configuration of the site being generated (set by `using`; the project's mkdocs.yml
    otherwise)."""
    return _current[-1] if _current else _project()


@contextmanager
def using(site: SiteConfig):
    """Within the block, pages are generated for `site`."""
    _current.append(site)
    try:
        yield site
    finally:
        _current.pop()


def url_style(directory_urls: bool):
    """Within the block, pages have folder addresses (True) or file addresses (False)."""
    return using(replace(current(), directory_urls=directory_urls))
