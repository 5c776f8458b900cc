"""Models for forums (see its issue)."""
