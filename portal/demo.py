"""The demo loader's shared plumbing: progress output and the logins table.

Each app contributes `<app>.demo.generate(ctx)`; `manage.py load_demo` runs them in
INSTALLED_APPS order (accounts, home, forums, surveys), so later apps can use what
earlier ones made (users, groups, pages).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DemoLogin:
    role: str
    email: str
    password: str
    note: str = ""


@dataclass
class DemoContext:
    seed: int
    force: bool
    write: Callable[[str], None]
    logins: list[DemoLogin] = field(default_factory=list)
    rng: random.Random = field(init=False)

    def __post_init__(self):
        # One seeded generator for the whole run: the same seed gives the same demo.
        self.rng = random.Random(self.seed)

    def step(self, done: int, total: int, label: str) -> None:
        width = 24
        filled = int(width * done / max(total, 1))
        self.write(f"  [{'#' * filled}{'-' * (width - filled)}] {done}/{total} {label}")
