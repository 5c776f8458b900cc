"""The test database as the migrations seeded it, for modules that load their own data set
once (outside a transactional test) and must hand the database back as they found it."""

from contextlib import contextmanager

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections, transaction


@contextmanager
def seeded_database_restored():
    """Start from the migrations' data and put it back afterwards, as a transactional test
    does (empty every table, reload the snapshot). The snapshot is the session's when a
    transactional test asked for one (tests/conftest.py), else taken here."""
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is None:  # no transactional test ran, so nothing emptied the tables yet
        with transaction.atomic():  # its server-side cursors live in a transaction
            snapshot = connection.creation.serialize_db_to_string()
    else:
        _restore(snapshot)
    try:
        yield
    finally:
        _restore(snapshot)
        connections.close_all()  # so the test database can be dropped at the end of the run


def _restore(snapshot: str):
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(snapshot)
    # The snapshot's rows keep their ids; move each sequence past them, as loaddata does.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
