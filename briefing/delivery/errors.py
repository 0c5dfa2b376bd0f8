"""Errors of `briefing send`, shown like every other user-facing error (`category: message`)."""

from __future__ import annotations

from briefing.errors import BriefingError


class DeliveryError(BriefingError):
    """An edition cannot be delivered as configured (missing file, changed attachment, ...)."""

    category = "delivery error"
    exit_code = 6


class DeliveriesFailed(BriefingError):
    """Some recipients could not be reached; they are retried by the next `briefing send`."""

    category = "delivery failed"
    exit_code = 6
