"""The one door to the comment hold rules: a proposal waits for review exactly when a comment
would; this module is the only place that knows where the rules live."""

from forums.moderation.rules import CommentDraft, decide_hold, hold_message


def hold_for(*, author, workgroup, body: str, kind: str = "proposal"):
    """The Hold (code, message) that keeps this text from publishing, or None.

    The rules ask `draft.topic.get_workgroup()`; a workgroup answers with itself."""
    return decide_hold(CommentDraft(author=author, topic=workgroup, body=body, kind=kind))


def held_message(*, code: str, stored: str) -> str:
    """The reason a held text waits, in the reader's language (see forums' hold_message)."""
    return hold_message(code, stored)
