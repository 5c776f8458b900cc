"""Text shapes that may identify a child or family, and word lists. Pure functions, no database."""

import re

_SUFFIXES = (
    "street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|pl|circle|cir|"
    "highway|hwy|terrace|trail|parkway|pkwy"
)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"

PERSONAL_DATA_PATTERNS: dict[str, re.Pattern] = {
    "phone": re.compile(r"(?<![\d-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\d-])"),
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE),
    "date": re.compile(r"(?<![\d/-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/-])"),
    "iso-date": re.compile(r"(?<![\d-])(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?![\d-])"),
    "birth": re.compile(
        rf"\b(?:born|dob|d\.o\.b\.?|date of birth|birthday)\b\W+"
        rf"(?:(?:on|is|in|was)\W+){{0,2}}(?:\d|(?:{_MONTHS})[a-z]*\b)",
        re.IGNORECASE,
    ),
    "ssn": re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"),
    "case-number": re.compile(
        r"\b(?:case|file|client|docket|medicaid|member|id|petition)\s*(?:number|no\.?|num|#)\s*[:#]?\s*"
        r"[A-Z0-9][A-Z0-9-]{2,}",
        re.IGNORECASE,
    ),
    "id-shape": re.compile(r"\b(?=[A-Z0-9-]*\d{5})[A-Z0-9][A-Z0-9-]{5,}\b", re.IGNORECASE),
    "street-address": re.compile(rf"\b\d{{1,5}}\s+(?:[A-Z][a-z]+\s+){{1,3}}(?i:{_SUFFIXES})\b"),
}

LINK_PATTERN = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

# Always treated as danger words, besides those moderators add in the admin.
DEFAULT_DANGER_TERMS = (
    "kill myself",
    "killing myself",
    "end my life",
    "suicide",
    "hurt myself",
    "hurts me",
    "hits me",
    "beats me",
    "beat me",
    "not safe at home",
    "afraid to go home",
    "scared to go home",
    "touches me",
    "locked in",
    "no food for days",
)


def personal_data_kinds(text: str) -> list[str]:
    """The kinds of personal data `text` seems to contain (empty when none)."""
    return [kind for kind, pattern in PERSONAL_DATA_PATTERNS.items() if pattern.search(text)]


def link_count(text: str) -> int:
    return len(LINK_PATTERN.findall(text))


def matching_terms(text: str, terms) -> list[str]:
    """Terms found in `text` as whole words or phrases, any case."""
    found = []
    lowered = text.lower()
    for term in terms:
        term = term.strip().lower()
        if term and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered):
            found.append(term)
    return found
