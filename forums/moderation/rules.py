"""The hold rules: the one place that decides whether a new comment (or proposal) waits for review.

`decide_hold(draft)` asks the built-in rules (`ALL_RULES`, most serious first: the first rule
that holds decides the reason the author is told), then any rule another app registered with
`register_hold_rule(fn)`; `fn(draft: CommentDraft) -> Hold | None`. The comment service
stores the hold's code and message and starts the review with that code.

    from forums.moderation.rules import CommentDraft, decide_hold

    hold = decide_hold(CommentDraft(author=user, topic=topic, body=text, kind="comment"))
    if hold:  # hold.code (a HoldCode value), hold.message (plain words for the author)
        ...
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from forums import permissions as forum_permissions

from . import patterns
from .models import BlockedTerm, HoldCode, Sanction, TermKind


@dataclass(frozen=True)
class CommentDraft:
    """What is about to be posted. `topic` is anything with `get_workgroup()`."""

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
_extra_rules: list[HoldRule] = []


def register_hold_rule(rule: HoldRule) -> HoldRule:
    """Add a rule after the built-in ones (usable as a decorator)."""
    if rule not in _extra_rules:
        _extra_rules.append(rule)
    return rule


def unregister_hold_rule(rule: HoldRule) -> None:
    if rule in _extra_rules:
        _extra_rules.remove(rule)


# English message ids: stored with the hold (held_reason) and shown through hold_message(),
# which translates them for the reader.
MESSAGES = {
    HoldCode.DANGER: gettext_noop(
        "held for review because it may say that someone is in danger. Agency staff have been told. "
        "If anyone is in danger now, call {emergency}; to report abuse or neglect, call {hotline}"
    ),
    HoldCode.PERSONAL_DATA: gettext_noop(
        "held for review because it may contain personal information about a child or family"
    ),
    HoldCode.BLOCKED_WORDS: gettext_noop(
        "held for review because it contains words that moderators check first"
    ),
    HoldCode.SANCTIONED: gettext_noop(
        "held for review because your account is limited for now (see the notice on this page)"
    ),
    HoldCode.NEW_AUTHOR: gettext_noop(
        "held for review because moderators read the first comments of new members"
    ),
    HoldCode.NEW_ACCOUNT: gettext_noop("held for review because your account is new"),
    HoldCode.LINKS: gettext_noop("held for review because it has several links"),
}


def hold_message(code: str, stored: str = "") -> str:
    """What the author is told about a hold, in the active language: from the hold's code
    when it is one of the built-in rules, else the stored text as it was written (rules
    registered by other apps, rows from before codes were kept)."""
    message = MESSAGES.get(code)
    if message is None:
        return stored
    text = gettext(message)
    if "{" in message:
        numbers = safety_numbers()
        text = text.format(hotline=numbers["hotline"], emergency=numbers["emergency"])
    return text


def is_trusted(user, topic) -> bool:
    if user.is_superuser or user.is_staff:
        return True
    return forum_permissions.may_comment_unheld(user) or forum_permissions.is_facilitator(
        user, topic.get_workgroup()
    )


def safety_numbers() -> dict:
    from wagtail.models import Site

    from home.models import PortalSettings

    site = Site.objects.filter(is_default_site=True).first()
    portal = PortalSettings.for_site(site) if site else PortalSettings()
    return {
        "hotline": portal.hotline_phone,
        "emergency": portal.emergency_phone,
        "message": portal.safety_message,
    }


def _terms(kind: str) -> list[str]:
    return list(BlockedTerm.objects.filter(kind=kind).values_list("term", flat=True))


def danger_terms() -> list[str]:
    return [*patterns.DEFAULT_DANGER_TERMS, *_terms(TermKind.DANGER)]


def danger_words(draft: CommentDraft) -> Hold | None:
    if is_trusted(draft.author, draft.topic) or not patterns.matching_terms(draft.body, danger_terms()):
        return None
    numbers = safety_numbers()
    message = MESSAGES[HoldCode.DANGER].format(hotline=numbers["hotline"], emergency=numbers["emergency"])
    return Hold(code=HoldCode.DANGER, message=message[:255])


def personal_data(draft: CommentDraft) -> Hold | None:
    if is_trusted(draft.author, draft.topic) or not patterns.personal_data_kinds(draft.body):
        return None
    return Hold(code=HoldCode.PERSONAL_DATA, message=MESSAGES[HoldCode.PERSONAL_DATA])


def blocked_words(draft: CommentDraft) -> Hold | None:
    if is_trusted(draft.author, draft.topic):
        return None
    if not patterns.matching_terms(draft.body, _terms(TermKind.BLOCKED)):
        return None
    return Hold(code=HoldCode.BLOCKED_WORDS, message=MESSAGES[HoldCode.BLOCKED_WORDS])


def sanctioned(draft: CommentDraft) -> Hold | None:
    if not Sanction.objects.active().filter(user=draft.author).exists():
        return None
    return Hold(code=HoldCode.SANCTIONED, message=MESSAGES[HoldCode.SANCTIONED])


def _author_history(author) -> tuple[int, int, int]:
    """(comments written before, ever published, rejected or removed) by `author`."""
    from django.db.models import Count, Q

    from forums.models import Comment

    stats = Comment.objects.filter(author=author, is_official=False).aggregate(
        written=Count("pk"),
        published=Count("pk", filter=Q(state__in=["published", "hidden"])),
        refused=Count("pk", filter=Q(state__in=["rejected", "removed"])),
    )
    return stats["written"], stats["published"], stats["refused"]


def first_comments(draft: CommentDraft) -> Hold | None:
    """The first N comments wait until one of them is approved (and after a refusal, until then)."""
    if is_trusted(draft.author, draft.topic):
        return None
    written, published, refused = _author_history(draft.author)
    if published == 0 and (written < settings.MODERATION_HOLD_FIRST_COMMENTS or refused):
        return Hold(code=HoldCode.NEW_AUTHOR, message=MESSAGES[HoldCode.NEW_AUTHOR])
    return None


def new_account(draft: CommentDraft) -> Hold | None:
    if is_trusted(draft.author, draft.topic):
        return None
    age = timezone.now() - draft.author.date_joined
    if age < timedelta(hours=settings.MODERATION_NEW_ACCOUNT_HOURS):
        return Hold(code=HoldCode.NEW_ACCOUNT, message=MESSAGES[HoldCode.NEW_ACCOUNT])
    return None


def too_many_links(draft: CommentDraft) -> Hold | None:
    if is_trusted(draft.author, draft.topic):
        return None
    if patterns.link_count(draft.body) <= settings.MODERATION_NEW_AUTHOR_MAX_LINKS:
        return None
    is_new = timezone.now() - draft.author.date_joined < timedelta(days=settings.MODERATION_NEW_AUTHOR_DAYS)
    if is_new:
        return Hold(code=HoldCode.LINKS, message=MESSAGES[HoldCode.LINKS])
    return None


ALL_RULES = (
    danger_words,
    personal_data,
    blocked_words,
    sanctioned,
    first_comments,
    new_account,
    too_many_links,
)


def decide_hold(draft: CommentDraft) -> Hold | None:
    """The first hold that applies to `draft`, or None to publish at once.

    Official answers are not drafts of this kind (the caller skips them). The built-in rules
    can be switched off with MODERATION_HOLD_RULES_ENABLED; registered rules always run.
    """
    builtin = ALL_RULES if getattr(settings, "MODERATION_HOLD_RULES_ENABLED", True) else ()
    for rule in (*builtin, *_extra_rules):
        hold = rule(draft)
        if hold is not None:
            return hold
    return None
