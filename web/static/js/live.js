// The live feed's client (/api/v1/live, docs/web.md "Live feed"): keeps the items of the last snapshot
// and applies each numbered change; after a drop it reconnects with ?since=SEQ&epoch=E so the station
// sends only what was missed (or a fresh snapshot), backing off between attempts. When the feed cannot
// be reached at all, `poll` (if given) supplies the same items from the REST API every few seconds.

const BACKOFF_MS = [500, 1000, 2000, 5000, 10000];
const POLL_MS = 3000;
const GIVE_UP_AFTER = 2; // failed opens in a row before polling takes over between attempts

export class LiveItems {
  constructor({ filter = {}, onUpdate, onState, poll = null }) {
    this.filter = filter;
    this.onUpdate = onUpdate;
    this.onState = onState || (() => {});
    this.poll = poll;
    this.items = new Map(); // "kind:id" -> data
    this.seq = null;
    this.epoch = null;
    this.failures = 0;
    this.closed = false;
    this.socket = null;
    this.timer = null;
    this.pollTimer = null;
  }

  start() {
    this.connect();
    // A first picture from the REST API at once, so the page is never empty while the feed connects;
    // dropped if the feed's snapshot came first (it is newer).
    if (this.poll) {
      this.poll()
        .then((items) => {
          if (this.seq !== null || this.closed) return;
          for (const item of items) this.items.set(`${item.kind}:${item.id}`, item.data);
          this.onUpdate(null);
        })
        .catch(() => {});
    }
    return this;
  }

  stop() {
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    if (this.socket) this.socket.close(1000);
  }

  of(kind) {
    const found = [];
    for (const [key, data] of this.items) if (key.startsWith(`${kind}:`)) found.push(data);
    return found;
  }

  get(kind, id = "") {
    return this.items.get(`${kind}:${id}`);
  }

  url() {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(this.filter)) if (value) params.set(name, value);
    if (this.seq !== null && this.epoch) {
      params.set("since", String(this.seq));
      params.set("epoch", this.epoch);
    }
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const search = params.toString();
    return `${scheme}//${location.host}/api/v1/live${search ? `?${search}` : ""}`;
  }

  connect() {
    if (this.closed) return;
    this.onState(this.seq === null ? "connecting" : "reconnecting");
    let opened = false;
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.addEventListener("open", () => {
      opened = true;
      this.failures = 0;
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
      this.onState("live");
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => {
      if (this.socket !== socket || this.closed) return;
      if (!opened) this.failures += 1;
      const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
      if (this.failures >= GIVE_UP_AFTER && this.poll && this.pollTimer === null) this.pollNow();
      else this.onState("reconnecting");
      this.timer = setTimeout(() => this.connect(), wait);
    });
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === "snapshot") {
      this.items.clear();
      for (const item of message.items || []) this.items.set(`${item.kind}:${item.id}`, item.data);
      this.mark(message);
      this.onUpdate(null);
    } else if (message.type === "change") {
      this.apply(message);
    } else if (message.type === "changes") {
      // Changes that came within the station's batching window, in seq order, in one frame.
      for (const change of message.changes || []) this.apply(change);
    }
  }

  apply(change) {
    const key = `${change.kind}:${change.id}`;
    if (change.data === null || change.data === undefined) this.items.delete(key);
    else this.items.set(key, change.data);
    this.mark(change);
    this.onUpdate(key);
  }

  mark(message) {
    if (typeof message.seq === "number") this.seq = message.seq;
    if (message.epoch) this.epoch = message.epoch;
  }

  async pollNow() {
    this.onState("polling");
    try {
      const items = await this.poll();
      this.items.clear();
      for (const item of items) this.items.set(`${item.kind}:${item.id}`, item.data);
      this.onUpdate(null);
    } catch {
      // The next round tries again; the page shows the state it has.
    }
    if (!this.closed && (!this.socket || this.socket.readyState !== WebSocket.OPEN)) {
      this.pollTimer = setTimeout(() => this.pollNow(), POLL_MS);
    }
  }
}
