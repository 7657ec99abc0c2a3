"""MkDocs hook: writes the calculator's address into the pages.

A page writes ``{{ ft_roi_url }}`` where the calculator's address goes (the
iframe's ``src`` and the ``embed.js`` script). The address comes from
``extra.ft_roi_url`` in mkdocs.yml, which reads the ``FT_ROI_PUBLIC_URL``
environment variable. It must be an absolute http(s) address; it is used as
a directory (a trailing slash is added) and escaped for HTML attributes.
"""

from html import escape
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

PLACEHOLDER = "{{ ft_roi_url }}"


def calculator_url(value):
    """The calculator's address as a directory URL, or a PluginError."""
    url = str(value or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise PluginError(f"ft_roi_url (FT_ROI_PUBLIC_URL) must be an absolute http(s) address: {url!r}")
    return url if url.endswith("/") else url + "/"


def on_config(config):
    config.extra["ft_roi_url"] = calculator_url(config.extra.get("ft_roi_url"))
    return config


def on_page_markdown(markdown, page, config, files):
    return markdown.replace(PLACEHOLDER, escape(config.extra["ft_roi_url"], quote=True))
