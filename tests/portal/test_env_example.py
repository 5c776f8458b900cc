"""`.env.example` lists every variable the settings read from the environment."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_variable_is_listed_in_env_example():
    settings_source = "\n".join(p.read_text() for p in (ROOT / "portal" / "settings").glob("*.py"))
    read = set(re.findall(r'env(?:\.[a-z]+)?\("([A-Z_]+)"', settings_source))
    read |= set(re.findall(r"^\s*([A-Z_]+)=\(", settings_source, re.MULTILINE))
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read - listed == set()
