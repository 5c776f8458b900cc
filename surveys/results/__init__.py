"""Survey results: SQL aggregates, suppressed for display (`aggregate`), drawn as SVG (`charts`)."""

from .aggregate import survey_results

__all__ = ["survey_results"]
