#!/usr/bin/env bash
# Serve the portal as in production (gunicorn + WhiteNoise + PostgreSQL) and measure pages.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
exec .venv/bin/python bench/measure.py "$@"
