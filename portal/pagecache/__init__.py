"""Shared anonymous page cache in Redis (cache alias ``pages``); see docs/performance.md."""
