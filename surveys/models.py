"""Models for surveys (see its issue)."""
