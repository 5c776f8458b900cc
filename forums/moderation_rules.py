"""Pluggable hold rules: the one place that decides whether a new comment waits for review.

A rule is `fn(draft: CommentDraft) -> Hold | None`. `comment_post` asks every registered
rule in order; the first Hold wins and the comment starts as pending with its reason
(shown to the author in plain words). With no rules registered, comments publish at once.

    from forums.moderation_rules import Hold, register_hold_rule

    @register_hold_rule
    def first_comments(draft):
        if draft.author_published_count < 2:
            return Hold(code="new-author", message="held for review because you are new here")
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CommentDraft:
    author: Any
    topic: Any
    body: str
    kind: str
    parent: Any = None
    is_official: bool = False


@dataclass(frozen=True)
class Hold:
    code: str
    message: str


HoldRule = Callable[[CommentDraft], Hold | None]
_rules: list[HoldRule] = []


def register_hold_rule(rule: HoldRule) -> HoldRule:
    if rule not in _rules:
        _rules.append(rule)
    return rule


def unregister_hold_rule(rule: HoldRule) -> None:
    if rule in _rules:
        _rules.remove(rule)


def hold_rules() -> list[HoldRule]:
    return list(_rules)


def decide_hold(draft: CommentDraft) -> Hold | None:
    for rule in _rules:
        hold = rule(draft)
        if hold is not None:
            return hold
    return None
