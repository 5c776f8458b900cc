"""The one door to the comment hold rules: a proposal waits for review exactly when a comment
would; this module is the only place that knows where the rules live."""

from forums.moderation.rules import CommentDraft, decide_hold


def hold_for(*, author, workgroup, body: str, kind: str = "proposal"):
    """The Hold (code, message) that keeps this text from publishing, or None.

    The rules ask `draft.topic.get_workgroup()`; a workgroup answers with itself."""
    return decide_hold(CommentDraft(author=author, topic=workgroup, body=body, kind=kind))
