"""The one door to the comment hold rules: a proposal waits for review exactly when a comment
would. When the rules move (forums/moderation/rules.py), only this import changes."""

from forums.moderation_rules import CommentDraft, decide_hold


def hold_for(*, author, workgroup, body: str, kind: str = "proposal"):
    """The Hold (code, message) that keeps this text from publishing, or None.

    The rules ask `draft.topic.get_workgroup()`; a workgroup answers with itself."""
    return decide_hold(CommentDraft(author=author, topic=workgroup, body=body, kind=kind))
