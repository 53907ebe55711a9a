"""The transactional outbox between our database and a real broker (Redis or RabbitMQ).

``actor.send()`` inside a transaction writes an ``OutboxMessage`` row in that transaction.
After the commit the row is sent and deleted at once; if the broker is down the row stays,
and ``relay()`` (every ten seconds in the scheduler process) sends what is older than a few
seconds once the broker answers again. So a committed change never loses its job and a
rolled-back one never sends it. A crash between sending and deleting sends a job twice:
jobs are written to be idempotent (``Delivery`` rows for e-mails, for instance).

Camera probes bypass the outbox: a lost probe is replaced by the next one within a minute,
and a thousand cameras would otherwise write a thousand rows a minute.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial

import dramatiq
from django.db import DatabaseError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

#: Queues whose messages go straight to the broker (see the module docstring).
DIRECT_QUEUES = frozenset({"probes"})
#: The relay leaves younger rows to the sender that wrote them.
RELAY_AFTER_SECONDS = 5
RELAY_BATCH = 500


def store(broker, message: dramatiq.Message, delay: int | None) -> None:
    """Write the row now (inside the caller's transaction) and send it after the commit."""
    from ops.models import OutboxMessage

    row = OutboxMessage.objects.create(
        queue_name=message.queue_name,
        actor_name=message.actor_name,
        payload=message.encode(),
        delay=delay,
    )
    transaction.on_commit(partial(send, broker, row.pk), robust=True)


def send(broker, row_id: int) -> bool:
    """Send one stored message and delete its row; False (row kept) if the broker is down."""
    from ops.models import OutboxMessage

    row = OutboxMessage.objects.filter(pk=row_id).first()
    if row is None:
        return True  # sent by the relay meanwhile
    message = dramatiq.Message.decode(bytes(row.payload))
    try:
        try:
            broker.enqueue_now(message, delay=row.delay)
        except Exception:
            # A client's pooled connection to a broker that restarted fails once, then
            # reconnects: one more try tells "back" from "still down".
            broker.enqueue_now(message, delay=row.delay)
    except Exception as error:  # any broker or network failure: keep the row for the relay
        logger.warning("job %s kept in the outbox: %s", row.actor_name, type(error).__name__)
        OutboxMessage.objects.filter(pk=row_id).update(
            attempts=row.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:500]
        )
        return False
    OutboxMessage.objects.filter(pk=row_id).delete()
    return True


def relay(broker=None) -> int:
    """Send the rows the broker could not take when they were written; return how many."""
    from ops.models import OutboxMessage

    broker = broker or dramatiq.get_broker()
    if not hasattr(broker, "enqueue_now"):
        return 0
    cutoff = timezone.now() - datetime.timedelta(seconds=RELAY_AFTER_SECONDS)
    sent = 0
    try:
        ids = list(
            OutboxMessage.objects.filter(created_at__lte=cutoff).values_list("pk", flat=True)[
                :RELAY_BATCH
            ]
        )
    except DatabaseError:
        logger.warning("outbox relay: the database is not available")
        return 0
    for row_id in ids:
        if not send(broker, row_id):
            break  # the broker is still down: try again at the next round
        sent += 1
    if sent:
        logger.info("outbox relay sent %d waiting job(s)", sent)
    return sent
