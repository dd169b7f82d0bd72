"""The build's notion of "today": ``SOURCE_DATE_EPOCH`` when set, else the clock.

Only this module reads the clock, so builds are reproducible.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


class ClockError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


def build_datetime(environ: dict[str, str] | None = None) -> datetime:
    """Return the build's moment in UTC, honouring ``SOURCE_DATE_EPOCH``."""
    value = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(value), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ClockError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}") from None


def build_date(environ: dict[str, str] | None = None) -> date:
    """Return the build's date in UTC."""
    return build_datetime(environ).date()
