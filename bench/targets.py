"""Resolve `@name` lines of bench/pages.txt to real paths at run time.

Apps add a resolver here when a page's path depends on generated data, e.g. the demo
topic with 1,000 comments. Each resolver returns a path starting with "/".
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> a Python expression evaluated inside `manage.py shell` that prints the path
RESOLVERS: dict[str, str] = {
    "forums_topic_1000": (
        "from forums.models import TopicPage; print(TopicPage.objects.get(slug='bench-1000-comments').url)"
    ),
}


def resolve(name: str, env: dict[str, str]) -> str:
    if name not in RESOLVERS:
        raise SystemExit(f"bench/pages.txt names @{name}, but bench/targets.py has no resolver for it")
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", RESOLVERS[name]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]
