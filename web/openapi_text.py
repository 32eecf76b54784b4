"""The OpenAPI description's own prose: who may call what, the error shape and the live feed's
protocol, so the description served at /api/v1/openapi.json (and its page, /api/v1/docs) stands on
its own (docs/web.md has the same at length)."""

API_DESCRIPTION = """\
The station's REST API, its live feed and the driver's phone endpoints. Every answer is JSON unless
a download says otherwise; times are ISO 8601 in UTC; money is in minor units (sen) with its currency.

Credentials. A browser signs in with POST /api/v1/auth/login (an admin account's name and web
password): the session is a cookie (__Host-evse_session: HttpOnly, Secure, SameSite=Strict), and
every change it makes carries the X-CSRF-Token header that /api/v1/auth/me gives. An integration
sends Authorization: Bearer <token> with an API token an operator made (scopes read, control,
manage; stored hashed, revocable). A wrong password makes that account, and an address that keeps
failing, wait (1 s, doubling, at most 60 s); the right password always gets in after the wait.

Roles. viewer reads; technician also acts on chargers (availability, stop, unlock, restart, clear a
fault, firmware, diagnostics, settings other than prices); operator also changes prices and holds,
refunds and manages accounts and tokens. A token acts with the lower of its account's role and its
scopes (read: viewer, control: technician, manage: operator). Anonymous callers read the station,
its connectors and the price, and use the driver's phone endpoints under /api/v1/drive, where the
link's secret is the credential.

Errors. Every refusal is {"error": {"code", "message", "fields"?, "retry_after_s"?}}: code is a
stable machine code, message is in the caller's language (Accept-Language: en or ms), fields name
the inputs at fault, retry_after_s says how long a throttled caller waits.

Live feed. WebSocket /api/v1/live (wss), authenticated before the upgrade (a bad credential or a
cookie from another origin: 403, no socket; anonymous: public fields only). Query: connector=CP00/1
or charger=CP00 to filter; since=<seq>&epoch=<epoch> to resume. The first message is
{"type":"snapshot","epoch","seq","items":[{"kind","id","data"}]} or, on a resume the station can
serve, {"type":"resume","epoch","seq"} followed by each missed change. Then
{"type":"change","epoch","seq","kind","id","data"} (data null: the item is gone), or several changes
that came within about 125 ms as {"type":"changes","changes":[change, ...]}, seq rising. Kinds: site,
ocpp, alarms, charger, connector. Close codes: 1013 too many clients, 4008 this client fell too far
behind (reconnect with since), 1001 the station is stopping.
"""
