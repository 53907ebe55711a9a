"""The addresses a probe may connect to, with resolution failures turned into result codes.

Both paths (HTTP for each connection, RTSP before FFmpeg opens anything) connect only to the
addresses checked here, within the probe's budget.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from cctv_bridge.capture.results import DNS_ERROR, TIMEOUT, UNSAFE_URL, CaptureFailure
from cctv_bridge.capture.timing import Budget
from cctv_bridge.stream_hosts import ResolveTimeout, resolve_stream_host
from cctv_bridge.stream_urls import StreamURL


def checked_addresses(target: StreamURL, budget: Budget, open_timeout: float) -> list[str]:
    """``target``'s checked IP addresses; ``CaptureFailure`` when the name is forbidden, does
    not resolve, or does not resolve within ``open_timeout`` (capped by the budget)."""
    try:
        return resolve_stream_host(target, timeout=budget.cap(open_timeout))
    except ValidationError:
        raise CaptureFailure(UNSAFE_URL, "the host name resolves to a forbidden address") from None
    except ResolveTimeout:
        raise CaptureFailure(TIMEOUT, "the host name did not resolve in time") from None
    except OSError:
        raise CaptureFailure(DNS_ERROR, "the host name does not resolve") from None
