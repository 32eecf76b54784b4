"""The live feed's producer: the station's live picture as numbered changes for the web's WebSocket
endpoint, with a bounded history and bounded subscribers (docs/web.md "Live feed (producer)")."""

from app.live.changes import KINDS, PUBLIC_KINDS, STATION_KINDS, Change, LiveFilter
from app.live.feed import LiveFeed, LiveStats
from app.live.subscription import SlowSubscriberError, Subscription, SubscriptionClosedError

__all__ = [
    "KINDS",
    "PUBLIC_KINDS",
    "STATION_KINDS",
    "Change",
    "LiveFeed",
    "LiveFilter",
    "LiveStats",
    "SlowSubscriberError",
    "Subscription",
    "SubscriptionClosedError",
]
