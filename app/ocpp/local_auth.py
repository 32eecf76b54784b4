"""Local authorisation (OCPP 1.6 section 3.4): local list, authorisation cache and the offline decision."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from app.db import (
    AUTHORIZATION_STATUSES,
    AuthCacheEntry,
    IdTag,
    get_setting,
    read_only,
    session_factory,
    set_setting,
    upsert_insert,
    utc_now,
)
from app.ocpp.config_keys import REMOTE_ACTOR, OcppConfiguration
from app.ocpp.errors import CsmsCallError

log = logging.getLogger(__name__)

ACCEPTED, EXPIRED, INVALID = "Accepted", "Expired", "Invalid"
LIST_VERSION_SETTING = "ocpp_state.local_list_version"
# Not a standard key: the cache's bound on a station; expired entries go first, then the oldest.
AUTH_CACHE_MAX_ENTRIES = 10000
Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


class _ListTooLongError(Exception):
    """The update would make the list longer than LocalAuthListMaxLength: its transaction rolls back."""


class UpdateStatus(StrEnum):
    """SendLocalList.conf status (OCPP 1.6 section 7.46)."""

    ACCEPTED = "Accepted"
    FAILED = "Failed"
    NOT_SUPPORTED = "NotSupported"
    VERSION_MISMATCH = "VersionMismatch"


class AuthSource(StrEnum):
    """Where an authorisation answer came from."""

    LOCAL_LIST = "local_list"
    CACHE = "cache"
    CSMS = "csms"
    OFFLINE_UNKNOWN = "offline_unknown"  # AllowOfflineTxForUnknownId (section 3.4.4)
    NONE = "none"  # offline, unknown, and unknown ids are not allowed


def parse_ocpp_time(text: str) -> datetime:
    """An OCPP dateTime; one without a zone is UTC (OCPP 1.6 section 3.8: all times are UTC)."""
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def ocpp_time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class IdTagInfo:
    """IdTagInfo (OCPP 1.6 section 7.27)."""

    status: str
    parent_id_tag: str | None = None
    expiry_date: datetime | None = None

    @classmethod
    def from_ocpp(cls, data: dict[str, Any]) -> IdTagInfo:
        status = data.get("status")
        if status not in AUTHORIZATION_STATUSES:
            raise ValueError(f"idTagInfo status {status!r}")
        expiry = data.get("expiryDate")
        return cls(status, data.get("parentIdTag"), parse_ocpp_time(expiry) if expiry else None)

    def to_ocpp(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status}
        if self.parent_id_tag:
            data["parentIdTag"] = self.parent_id_tag
        if self.expiry_date is not None:
            data["expiryDate"] = ocpp_time(self.expiry_date)
        return data

    def at(self, now: datetime) -> IdTagInfo:
        """This entry as valid at `now`: an Accepted entry past its expiryDate counts as Expired."""
        if self.status == ACCEPTED and self.expiry_date is not None and self.expiry_date <= now:
            return IdTagInfo(EXPIRED, self.parent_id_tag, self.expiry_date)
        return self


def _same_tag(a: str | None, b: str | None) -> bool:
    # IdToken is a CiString20Type (section 7.28): identifiers compare without regard to case.
    return a is not None and b is not None and a.lower() == b.lower()


class LocalAuthList:
    """The Local Authorization List (section 3.4.2) on the ledger's id_tags table, set by SendLocalList."""

    def __init__(self, engine: Engine, config: OcppConfiguration) -> None:
        self._engine = engine
        self._config = config

    def version(self) -> int:
        """GetLocalListVersion.conf listVersion (section 5.10): 0 when the list is empty, -1 when the
        station does not implement LocalAuthListManagement. A disabled list still reports its version:
        it is kept and used again once LocalAuthListEnabled is set."""
        if not self._config.supports("LocalAuthListManagement"):
            return -1
        with session_factory(read_only(self._engine))() as db:
            if db.scalar(select(func.count()).select_from(IdTag)) == 0:
                return 0
            return int(get_setting(db, LIST_VERSION_SETTING, 0))

    def lookup(self, id_tag: str) -> IdTagInfo | None:
        with session_factory(read_only(self._engine))() as db:
            row = db.scalars(select(IdTag).where(func.lower(IdTag.id_tag) == id_tag.lower())).first()
        return None if row is None else IdTagInfo(row.status, row.parent_id_tag, row.expiry_date)

    def size(self) -> int:
        with session_factory(read_only(self._engine))() as db:
            return int(db.scalar(select(func.count()).select_from(IdTag)) or 0)

    def send_local_list(
        self, list_version: int, update_type: str, entries: Sequence[dict[str, Any]] | None
    ) -> UpdateStatus:
        """SendLocalList (section 5.15): a Full update replaces the list, a Differential one adds, updates
        (entry with idTagInfo) or removes (entry without) identifiers. All or nothing, in one transaction."""
        if not self._config.supports("LocalAuthListManagement"):
            return UpdateStatus.NOT_SUPPORTED
        entries = list(entries or ())
        if len(entries) > self._config.get_int("SendLocalListMaxLength") or list_version < 0:
            return UpdateStatus.FAILED
        try:
            parsed = _parse_entries(entries, full=update_type == "Full")
        except (ValueError, KeyError, TypeError) as error:
            log.info("SendLocalList refused: %s", error)
            return UpdateStatus.FAILED
        try:
            with session_factory(self._engine).begin() as db:
                if update_type == "Differential":
                    current = int(get_setting(db, LIST_VERSION_SETTING, 0))
                    if list_version <= current:
                        return UpdateStatus.VERSION_MISMATCH
                elif update_type != "Full":
                    return UpdateStatus.FAILED
                if update_type == "Full":
                    db.execute(delete(IdTag))
                for id_tag, info in parsed:
                    db.execute(delete(IdTag).where(func.lower(IdTag.id_tag) == id_tag.lower()))
                    if info is None:
                        continue
                    db.add(
                        IdTag(
                            id_tag=id_tag,
                            status=info.status,
                            parent_id_tag=info.parent_id_tag,
                            expiry_date=info.expiry_date,
                            list_version=list_version,
                        )
                    )
                    # Section 3.4.3: an identifier on the list is never also in the cache.
                    db.execute(
                        delete(AuthCacheEntry).where(func.lower(AuthCacheEntry.id_tag) == id_tag.lower())
                    )
                db.flush()
                if db.execute(select(func.count()).select_from(IdTag)).scalar_one() > self._config.get_int(
                    "LocalAuthListMaxLength"
                ):
                    raise _ListTooLongError
                set_setting(db, LIST_VERSION_SETTING, list_version, actor=REMOTE_ACTOR)
        except _ListTooLongError:
            return UpdateStatus.FAILED
        except SQLAlchemyError:
            log.exception("SendLocalList could not be stored")
            return UpdateStatus.FAILED
        return UpdateStatus.ACCEPTED


def _parse_entries(entries: list[dict[str, Any]], *, full: bool) -> list[tuple[str, IdTagInfo | None]]:
    parsed: list[tuple[str, IdTagInfo | None]] = []
    seen: set[str] = set()
    for entry in entries:
        id_tag = entry["idTag"]
        if not isinstance(id_tag, str) or not 1 <= len(id_tag) <= 20 or id_tag.lower() in seen:
            raise ValueError(f"idTag {id_tag!r} invalid or repeated")
        seen.add(id_tag.lower())
        raw = entry.get("idTagInfo")
        if raw is None and full:
            # AuthorizationData (section 7.2): idTagInfo is required in a Full update.
            raise ValueError(f"idTag {id_tag!r} without idTagInfo in a Full update")
        parsed.append((id_tag, None if raw is None else IdTagInfo.from_ocpp(raw)))
    return parsed


class AuthorizationCache:
    """The Authorization Cache (section 3.4.1) on auth_cache_entries: the last IdTagInfo the CSMS gave."""

    def __init__(
        self,
        engine: Engine,
        config: OcppConfiguration,
        local_list: LocalAuthList,
        max_entries: int = AUTH_CACHE_MAX_ENTRIES,
    ) -> None:
        self._engine = engine
        self._config = config
        self._list = local_list
        self._max_entries = max_entries

    def lookup(self, id_tag: str, now: datetime | None = None) -> IdTagInfo | None:
        """The cached entry; an Accepted one past its expiryDate is changed to Expired (section 3.4.1)."""
        now = now or utc_now()
        with session_factory(read_only(self._engine))() as db:
            row = db.scalars(
                select(AuthCacheEntry).where(func.lower(AuthCacheEntry.id_tag) == id_tag.lower())
            ).first()
        if row is None:
            return None
        info = IdTagInfo(row.status, row.parent_id_tag, row.expiry_date)
        if info.at(now) != info:
            info = info.at(now)
            with session_factory(self._engine).begin() as db:
                db.execute(
                    update(AuthCacheEntry).where(AuthCacheEntry.id_tag == row.id_tag).values(status=EXPIRED)
                )
        return info

    def update(self, id_tag: str, info: IdTagInfo) -> bool:
        """Stores an IdTagInfo from Authorize/StartTransaction/StopTransaction.conf; False when not cached."""
        if not self._config.get_bool("AuthorizationCacheEnabled"):
            return False
        if info.status == "ConcurrentTx":
            return False  # says the tag is busy in another transaction, nothing about the tag itself
        if self._list.lookup(id_tag) is not None:
            return False  # section 3.4.3: identifiers on the local list are not cached
        row = {
            "id_tag": id_tag,
            "status": info.status,
            "parent_id_tag": info.parent_id_tag,
            "expiry_date": info.expiry_date,
            "cached_at": utc_now(),
        }
        with session_factory(self._engine).begin() as db:
            db.execute(
                delete(AuthCacheEntry).where(
                    func.lower(AuthCacheEntry.id_tag) == id_tag.lower(), AuthCacheEntry.id_tag != id_tag
                )
            )
            insert = upsert_insert(db, AuthCacheEntry)
            changed = {key: insert.excluded[key] for key in row if key != "id_tag"}
            db.execute(insert.values(row).on_conflict_do_update(index_elements=["id_tag"], set_=changed))
            self._evict(db)
        return True

    def _evict(self, db: Any) -> None:
        excess = int(db.scalar(select(func.count()).select_from(AuthCacheEntry)) or 0) - self._max_entries
        if excess <= 0:
            return
        # Expired and refused entries go before valid ones, the oldest first.
        valid_last = func.coalesce(AuthCacheEntry.status == ACCEPTED, False)
        victims = select(AuthCacheEntry.id_tag).order_by(valid_last, AuthCacheEntry.cached_at).limit(excess)
        db.execute(delete(AuthCacheEntry).where(AuthCacheEntry.id_tag.in_(victims.scalar_subquery())))

    def clear(self) -> str:
        """ClearCache (section 5.4): always Accepted, the cache being always available on this station."""
        with session_factory(self._engine).begin() as db:
            db.execute(delete(AuthCacheEntry))
        return "Accepted"


@dataclass(frozen=True)
class AuthDecision:
    """The answer for one presented idTag."""

    accepted: bool
    status: str  # AuthorizationStatus (section 7.25)
    parent_id_tag: str | None
    source: AuthSource
    expiry_date: datetime | None = None

    def id_tag_info(self) -> dict[str, Any]:
        return IdTagInfo(self.status, self.parent_id_tag, self.expiry_date).to_ocpp()


def _decide(info: IdTagInfo, source: AuthSource) -> AuthDecision:
    return AuthDecision(info.status == ACCEPTED, info.status, info.parent_id_tag, source, info.expiry_date)


@dataclass(frozen=True)
class StopCheck:
    """Whether a presented idTag may stop a transaction, and the authorisation that said so (if any)."""

    allowed: bool
    decision: AuthDecision | None = None


class InvalidIdAction(StrEnum):
    CONTINUE = "continue"
    STOP = "stop"  # StopTransaction with reason DeAuthorized
    SUSPEND = "suspend"  # keep the transaction, stop energy once max_energy_Wh more were delivered


@dataclass(frozen=True)
class InvalidIdRule:
    action: InvalidIdAction
    stop_reason: str | None = None
    max_energy_Wh: int | None = None


def rule_for_start_status(status: str, config: OcppConfiguration) -> InvalidIdRule:
    """What to do when StartTransaction.conf's idTagInfo is not Accepted (StopTransactionOnInvalidId,
    section 9.1.26, and MaxEnergyOnInvalidId, section 9.1.14): stop with DeAuthorized, or suspend the
    energy and keep the cable locked until the same identifier (or one with the same parentIdTag)
    stops it (section 3.4.4 as corrected in the 1.6 errata)."""
    if status == ACCEPTED:
        return InvalidIdRule(InvalidIdAction.CONTINUE)
    if config.get_bool("StopTransactionOnInvalidId"):
        return InvalidIdRule(InvalidIdAction.STOP, stop_reason="DeAuthorized")
    return InvalidIdRule(InvalidIdAction.SUSPEND, max_energy_Wh=config.get_int("MaxEnergyOnInvalidId"))


class Authorizer:
    """Decides for an idTag, online or offline (section 3.4), and keeps the cache fed."""

    def __init__(
        self, config: OcppConfiguration, local_list: LocalAuthList, cache: AuthorizationCache, send: Send
    ) -> None:
        self._config = config
        self._list = local_list
        self._cache = cache
        self._send = send

    def record(self, id_tag: str, id_tag_info: dict[str, Any] | None) -> None:
        """Feeds the cache from an IdTagInfo in Authorize, StartTransaction or StopTransaction.conf."""
        if id_tag_info is None:
            return
        try:
            self._cache.update(id_tag, IdTagInfo.from_ocpp(id_tag_info))
        except ValueError as error:
            log.warning("idTagInfo for %s not cached: %s", id_tag, error)

    def _local(self, id_tag: str, now: datetime) -> tuple[IdTagInfo, AuthSource] | None:
        # Section 3.4.3: the list has priority over the cache for the same identifier.
        if self._config.get_bool("LocalAuthListEnabled") and (entry := self._list.lookup(id_tag)):
            return entry.at(now), AuthSource.LOCAL_LIST
        if self._config.get_bool("AuthorizationCacheEnabled") and (entry := self._cache.lookup(id_tag, now)):
            return entry.at(now), AuthSource.CACHE
        return None

    async def authorize(self, id_tag: str, *, online: bool, now: datetime | None = None) -> AuthDecision:
        """The decision for `id_tag`; online, Authorize.req is sent unless LocalPreAuthorize settles it,
        and a CSMS that does not answer (or refuses the call) counts as offline."""
        now = now or utc_now()
        local = self._local(id_tag, now)
        if online:
            if (
                local is not None
                and local[0].status == ACCEPTED
                and self._config.get_bool("LocalPreAuthorize")
            ):
                return _decide(*local)  # section 3.4: start at once, no Authorize.req
            try:
                reply = await self._send("Authorize", {"idTag": id_tag})
                info = IdTagInfo.from_ocpp(reply["idTagInfo"])
            except (CsmsCallError, TimeoutError, ConnectionError) as error:
                log.info("Authorize for %s unanswered (%s): deciding offline", id_tag, error)
            except (KeyError, TypeError, ValueError) as error:
                log.warning("Authorize.conf unusable (%s): deciding offline", error)
            else:
                self._cache.update(id_tag, info)
                return _decide(info.at(now), AuthSource.CSMS)
        if local is not None and self._config.get_bool("LocalAuthorizeOffline"):
            return _decide(*local)
        if local is not None and local[0].status != ACCEPTED:
            return _decide(*local)  # a known Blocked/Expired/Invalid id is refused even offline
        if self._config.get_bool("AllowOfflineTxForUnknownId"):
            return AuthDecision(True, ACCEPTED, None, AuthSource.OFFLINE_UNKNOWN)
        return AuthDecision(False, INVALID, None, AuthSource.NONE)

    async def may_stop(
        self, *, started_id_tag: str, started_parent_id_tag: str | None, presented_id_tag: str, online: bool
    ) -> StopCheck:
        """Whether `presented_id_tag` may stop a transaction started by `started_id_tag` (section 4.10):
        the same identifier always may, without Authorize.req; another one only when it is authorised
        and has the same parentIdTag as the one that started it."""
        if _same_tag(started_id_tag, presented_id_tag):
            return StopCheck(True)
        if started_parent_id_tag is None:
            return StopCheck(False)
        decision = await self.authorize(presented_id_tag, online=online)
        return StopCheck(
            decision.accepted and _same_tag(decision.parent_id_tag, started_parent_id_tag), decision
        )
