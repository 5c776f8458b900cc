"""A generic questionnaire engine: question blocks, a schema read from them, a form builder
(one `create_<type>_field` per question type), answer rows, and the guard that keeps
collected answers valid when a questionnaire is edited.

Nothing here knows about targeting, invitations or scheduling: that is the Survey's job.
"""
