"""The search page (`/search/`): a form whose state lives in the URL, filled in by sb-search.js.

The page works as a plain GET form (`?q=低保&t=chengguan&y=2024`), so a search can be shared,
bookmarked or printed as a QR code; the script reads the same parameters and shows the results,
and puts the state URL, its QR code (sb-qr.js, encoded by qrcode-generator) and the conditions
in words on the printed page.
Every text the script shows comes from messages.py through `data-messages`.
"""

from __future__ import annotations

import json

from ..base import messages as msg
from ..base import urls
from ..model.site import Site
from . import render as h
from . import search

PATH = "search/"
SCRIPT = "assets/javascripts/sb-search.js"
QR_SCRIPT = "assets/javascripts/sb-qr.js"  # the QR code of the search's state, for printing
# The encoder sb-qr.js calls: qrcode-generator from npm, published unchanged beside its licence
# (docs/architecture.md says how to update it).
QR_LIBRARY = "assets/javascripts/vendor/qrcode-generator-2.0.4.js"

# Texts sb-search.js shows (key in the script → message).
SCRIPT_MESSAGES = {
    "loading": msg.SEARCH_LOADING,
    "prompt": msg.SEARCH_PROMPT,
    "count": msg.SEARCH_COUNT,
    "countQuery": msg.SEARCH_COUNT_QUERY,
    "countAbout": msg.SEARCH_COUNT_ABOUT,
    "countMaybe": msg.SEARCH_COUNT_MAYBE,
    "empty": msg.SEARCH_EMPTY,
    "noneFor": msg.SEARCH_NONE_FOR,
    "didYouMean": msg.SEARCH_DID_YOU_MEAN,
    "more": msg.SEARCH_MORE,
    "shown": msg.SEARCH_SHOWN,
    "failed": msg.SEARCH_FAILED,
    "offline": msg.SEARCH_OFFLINE,
    "onRequest": msg.BADGE_ON_REQUEST,
    "kindItem": msg.SEARCH_KIND_ITEM,
    "kindPage": msg.SEARCH_KIND_PAGE,
    "itemPublisher": msg.SEARCH_ITEM_PUBLISHER,
    "docNumber": msg.SEARCH_DOC_NUMBER,
    "keywords": msg.SEARCH_KEYWORDS,
    "later": msg.SEARCH_LATER,
    "countOption": msg.SEARCH_COUNT_OPTION,
    "conditions": msg.SEARCH_CONDITIONS,
    "conditionQuery": msg.SEARCH_CONDITION_QUERY,
    "qrAlt": msg.QR_ALT,
}

_FILTER_LABELS = {"c": msg.SEARCH_F_CATEGORY, "d": msg.SEARCH_F_DOMAIN,
                  "t": msg.SEARCH_F_TOWNSHIP, "y": msg.SEARCH_F_YEAR}


def header_strings() -> dict[str, str]:
    """Texts of the search box in the header of every page (overrides/partials/header.html)."""
    return {"label": msg.SEARCH_HEADER_LABEL, "placeholder": msg.SEARCH_PLACEHOLDER,
            "button": msg.SEARCH_BUTTON, "path": PATH}


def search_page(site: Site) -> tuple[str, str, str, dict]:
    """(path, title, HTML, page meta) of the search page."""
    here = PATH
    options = search.facet_options(site)
    selects = "".join(_select(key, _FILTER_LABELS[key], options[key]) for key in search.FILTERS)
    sort = _select("s", msg.SEARCH_F_SORT, [("", msg.SEARCH_SORT_RELEVANCE),
                                             ("date", msg.SEARCH_SORT_DATE)], all_label="")
    messages = h.e(json.dumps(SCRIPT_MESSAGES, ensure_ascii=False))
    config = h.e(json.dumps(search.page_config(site), ensure_ascii=False, separators=(",", ":")))
    html = (
        f'<p class="sb-intro">{h.e(msg.SEARCH_INTRO)}</p>'
        f'<form id="sb-search" class="sb-search" role="search" action="./" method="get" '
        f'data-index="{h.e(urls.rel(here, search.FOLDER + "/"))}" '
        f'data-root="{h.e(urls.rel(here, urls.HOME))}" data-config="{config}" '
        f'data-messages="{messages}">'
        f'<label class="sb-search__label" for="sb-search-q">{h.e(msg.SEARCH_LABEL)}</label>'
        f'<div class="sb-search__row"><input id="sb-search-q" name="q" type="search" '
        f'autocomplete="off" enterkeyhint="search" '
        f'placeholder="{h.e(msg.SEARCH_PLACEHOLDER)}">'
        f'<button type="submit" class="md-button md-button--primary">'
        f"{h.e(msg.SEARCH_BUTTON)}</button></div></form>"
        f'<p id="sb-search-conditions" class="sb-print-only sb-search__conditions"></p>'
        f'<p id="sb-search-suggest" class="sb-search__suggest" hidden></p>'
        f'<p id="sb-search-status" class="sb-search__status" role="status" aria-live="polite">'
        f"</p>"
        f'<noscript><p class="sb-empty">{h.e(msg.SEARCH_NOSCRIPT)}</p></noscript>'
        f'<ol id="sb-search-results" class="sb-results"></ol>'
        f'<p><button id="sb-search-more" type="button" class="md-button" hidden>'
        f"{h.e(msg.SEARCH_MORE)}</button></p>"
        # The filters after the results (a phone shows results on its first screen), folded;
        # they belong to the form through form="sb-search" (issue 13).
        f'<details id="sb-search-filters" class="sb-search__more">'
        f'<summary>{h.e(msg.SEARCH_FILTERS_SUMMARY)}</summary>'
        f'<fieldset class="sb-search__filters" form="sb-search">'
        f"<legend>{h.e(msg.SEARCH_FILTERS)}</legend>{selects}{sort}"
        f'<button type="submit" form="sb-search" class="md-button">{h.e(msg.SEARCH_APPLY)}'
        f"</button>"
        f'<a class="sb-search__clear" href="./">{h.e(msg.SEARCH_CLEAR)}</a></fieldset></details>'
        # The QR scripts deferred, in this order (the library first).
        f'<script src="{h.e(urls.rel(here, QR_LIBRARY))}" defer></script>'
        f'<script src="{h.e(urls.rel(here, QR_SCRIPT))}" defer></script>'
        # Not deferred: the search starts fetching while the rest of the page is parsed, so
        # its results are drawn about when the page has loaded (bench/search.py).
        f'<script src="{h.e(urls.rel(here, SCRIPT))}"></script>'
    )
    return here, msg.SEARCH_TITLE, html, {"hide": ["toc"], "description": msg.SEARCH_INTRO}


def _select(name: str, label: str, options: list[tuple], all_label: str | None = None) -> str:
    first = msg.SEARCH_ALL if all_label is None else all_label
    items = [(value, text) for value, text, *_ in options]
    if first:
        items.insert(0, ("", first))
    rendered = "".join(f'<option value="{h.e(v)}">{h.e(t)}</option>' for v, t in items)
    ident = f"sb-search-{name}"
    return (f'<div class="sb-search__filter"><label for="{ident}">{h.e(label)}</label>'
            f'<select id="{ident}" name="{name}" form="sb-search">{rendered}</select></div>')
