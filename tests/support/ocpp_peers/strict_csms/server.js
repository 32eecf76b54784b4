'use strict';
// A strict-schema OCPP 1.6J central system for the station's tests: ocpp-rpc with strictMode,
// driven by JSON-line commands on stdin, logging every frame and call as JSON lines on stdout.
// The command protocol is described in docs/ocpp-test-peers.md.

const fs = require('fs');
const https = require('https');
const readline = require('readline');
const { RPCServer, NOREPLY, createRPCError, TimeoutError } = require('ocpp-rpc');

const CP_ACTIONS = [
    'Authorize', 'BootNotification', 'DataTransfer', 'DiagnosticsStatusNotification',
    'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'StartTransaction',
    'StatusNotification', 'StopTransaction',
];

function parseArgs(argv) {
    const opts = {
        port: 0, password: null, firstTransactionId: 1, pingIntervalMs: 0, pathPrefix: null,
        tlsCert: null, tlsKey: null, tlsCa: null, verifyClient: false,
    };
    const named = {
        '--password': v => { opts.password = v; },
        '--first-transaction-id': v => { opts.firstTransactionId = Number(v); },
        '--ping-interval-ms': v => { opts.pingIntervalMs = Number(v); },
        '--path-prefix': v => { opts.pathPrefix = v; },
        '--tls-cert': v => { opts.tlsCert = v; },
        '--tls-key': v => { opts.tlsKey = v; },
        '--tls-ca': v => { opts.tlsCa = v; },
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--verify-client') {
            opts.verifyClient = true;
        } else if (named[arg]) {
            named[arg](argv[++i]);
        } else if (/^\d+$/.test(arg)) {
            opts.port = Number(arg);
        } else {
            throw Error(`unknown argument ${arg}`);
        }
    }
    return opts;
}

const opts = parseArgs(process.argv.slice(2));
const state = {
    nextTransactionId: opts.firstTransactionId,
    idTags: {},   // idTag -> idTagInfo.status
    answers: {},  // action -> {mode: 'reply'|'error'|'silent', payload, code, description}
};
const clients = new Map();  // identity -> RPCServerClient
const frozen = new WeakSet();
const responseViolations = new WeakSet();  // errors raised by validating a charge point's response
let rpc = null;
let httpServer = null;
let port = opts.port;

function out(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

function nowIso() {
    return new Date().toISOString();
}

function tagInfo(idTag) {
    return { status: state.idTags[idTag] ?? 'Accepted' };
}

function defaultAnswer(action, params) {
    switch (action) {
        case 'BootNotification': return { status: 'Accepted', currentTime: nowIso(), interval: 300 };
        case 'Heartbeat': return { currentTime: nowIso() };
        case 'Authorize': return { idTagInfo: tagInfo(params.idTag) };
        case 'StartTransaction':
            return { idTagInfo: tagInfo(params.idTag), transactionId: state.nextTransactionId++ };
        case 'StopTransaction': return params.idTag !== undefined ? { idTagInfo: tagInfo(params.idTag) } : {};
        case 'DataTransfer': return { status: 'Accepted' };
        default: return {};
    }
}

function handlerFor(action) {
    return async ({ params }) => {
        const rule = state.answers[action];
        if (rule?.mode === 'silent') return NOREPLY;
        if (rule?.mode === 'error') throw createRPCError(rule.code, rule.description ?? '', {});
        return Object.assign(defaultAnswer(action, params), rule?.payload ?? {});
    };
}

function errorInfo(err) {
    return { code: err?.rpcErrorCode ?? null, message: err?.message ?? String(err), details: err?.details ?? null };
}

function attach(client) {
    const identity = client.identity;
    clients.set(identity, client);
    out({ event: 'connect', identity, protocol: client.protocol, endpoint: client.handshake.endpoint });
    client.on('message', ({ message, outbound }) => {
        // ws drains a paused socket when it closes; a frozen CSMS never read those frames.
        if (frozen.has(client)) return;
        out({ event: 'frame', identity, direction: outbound ? 'to_cp' : 'from_cp', raw: message.toString() });
    });
    // A call's outcome; `direction` is the direction of the call (to_cp: this CSMS called the CP).
    client.on('callResult', e => out({
        event: 'call_result', identity, direction: e.outbound ? 'to_cp' : 'from_cp',
        messageId: e.messageId, action: e.method, params: e.params, result: e.result === NOREPLY ? null : e.result,
    }));
    client.on('callError', e => out({
        event: 'call_error', identity, direction: e.outbound ? 'to_cp' : 'from_cp',
        messageId: e.messageId, action: e.method, params: e.params, error: errorInfo(e.error),
    }));
    client.on('strictValidationFailure', e => {
        if (!e.outbound && !e.isCall) responseViolations.add(e.error);
        out({
            event: 'strict_violation', identity, messageId: e.messageId, action: e.method,
            direction: e.outbound ? 'to_cp' : 'from_cp', isCall: e.isCall, error: errorInfo(e.error),
        });
    });
    client.on('badMessage', e => out({
        event: 'bad_message', identity, raw: e.buffer.toString(), error: errorInfo(e.error), response: e.response,
    }));
    client.on('close', ({ code, reason }) => {
        if (clients.get(identity) === client) clients.delete(identity);
        out({ event: 'disconnect', identity, code, reason: String(reason ?? '') });
    });
    for (const action of CP_ACTIONS) client.handle(action, handlerFor(action));
}

function refuse(reject, handshake, status, message) {
    out({ event: 'handshake_refused', identity: handshake.identity, status, path: handshake.request.url });
    reject(status, message);
}

async function startServer() {
    rpc = new RPCServer({
        protocols: ['ocpp1.6'],
        strictMode: true,
        pingIntervalMs: opts.pingIntervalMs,
        callTimeoutMs: 30000,
    });
    rpc.auth((accept, reject, handshake) => {
        if (opts.pathPrefix && !handshake.request.url.startsWith(opts.pathPrefix)) {
            return refuse(reject, handshake, 404, 'Not found');
        }
        if (!handshake.protocols.has('ocpp1.6')) {
            return refuse(reject, handshake, 400, 'subprotocol ocpp1.6 required');
        }
        // OCPP 1.6 security whitepaper, profiles 1 and 2: user = identity, password = AuthorizationKey.
        if (opts.password !== null && !(handshake.password && handshake.password.equals(Buffer.from(opts.password)))) {
            return refuse(reject, handshake, 401, 'Unauthorized');
        }
        accept();
    });
    rpc.on('client', attach);
    if (opts.tlsCert) {
        httpServer = https.createServer({
            cert: fs.readFileSync(opts.tlsCert),
            key: fs.readFileSync(opts.tlsKey),
            ca: opts.tlsCa ? fs.readFileSync(opts.tlsCa) : undefined,
            requestCert: opts.verifyClient,
            rejectUnauthorized: opts.verifyClient,
            minVersion: 'TLSv1.2',
        });
        httpServer.on('upgrade', rpc.handleUpgrade);
        await new Promise((resolve, reject) => {
            httpServer.once('error', reject);
            httpServer.listen(port, '127.0.0.1', resolve);
        });
    } else {
        httpServer = await rpc.listen(port, '127.0.0.1');
    }
    port = httpServer.address().port;
}

function resetSocket(client) {
    const socket = client._ws?._socket;
    if (!socket) return;
    try {
        socket.resetAndDestroy();  // TCP RST: no close frame, no FIN
    } catch (err) {
        socket.destroy();
    }
}

async function stopServer(abrupt) {
    if (!rpc) return;
    if (abrupt) for (const client of clients.values()) resetSocket(client);
    const server = rpc;
    rpc = null;
    await server.close({ code: 1001, force: true });
    if (httpServer) {
        httpServer.close();
        httpServer.closeAllConnections?.();
        httpServer = null;
    }
}

function clientFor(identity) {
    if (identity === undefined || identity === null) {
        if (clients.size !== 1) throw Error(`${clients.size} charge points connected; name one`);
        return clients.values().next().value;
    }
    const client = clients.get(identity);
    if (!client) throw Error(`charge point ${identity} is not connected`);
    return client;
}

async function callCp(cmd) {
    const client = clientFor(cmd.identity);
    try {
        const result = await client.call(cmd.action, cmd.payload ?? {}, { callTimeoutMs: cmd.timeoutMs ?? 10000 });
        return { result };
    } catch (err) {
        let kind = 'callerror';
        if (err instanceof TimeoutError) kind = 'timeout';
        else if (responseViolations.has(err)) kind = 'invalid_response';
        else if (!err.rpcErrorCode) kind = 'other';
        return { error: { kind, ...errorInfo(err) } };
    }
}

const commands = {
    async call(cmd) { return callCp(cmd); },
    async answer(cmd) {
        if (!cmd.mode || cmd.mode === 'default') delete state.answers[cmd.action];
        else state.answers[cmd.action] = {
            mode: cmd.mode, payload: cmd.payload, code: cmd.code, description: cmd.description,
        };
        return {};
    },
    async idtag(cmd) { state.idTags[cmd.idTag] = cmd.status; return {}; },
    async next_transaction_id(cmd) { state.nextTransactionId = cmd.value; return {}; },
    async raw(cmd) { clientFor(cmd.identity).sendRaw(cmd.text); return {}; },
    async drop(cmd) { resetSocket(clientFor(cmd.identity)); return {}; },
    async freeze(cmd) {
        const client = clientFor(cmd.identity);
        frozen.add(client);
        // Stop reading: no calls, no pongs, but the TCP connection stays (ws's pause() keeps the socket
        // paused; a bare socket.pause() would be undone by ws's own flow control).
        client._ws.pause();
        out({ event: 'frozen', identity: client.identity, paused: client._ws.isPaused });
        client.removeAllHandlers();
        client.handle(() => NOREPLY);
        return {};
    },
    async stop(cmd) { await stopServer(Boolean(cmd.abrupt)); return {}; },
    async start() { if (!rpc) await startServer(); return { port }; },
    async quit() { await stopServer(true); setImmediate(() => process.exit(0)); return {}; },
};

async function runCommand(line) {
    let cmd;
    try {
        cmd = JSON.parse(line);
    } catch (err) {
        return out({ reply: null, error: { kind: 'bad_command', message: 'not JSON' } });
    }
    const handler = commands[cmd.cmd];
    if (!handler) return out({ reply: cmd.id ?? null, error: { kind: 'bad_command', message: `unknown command ${cmd.cmd}` } });
    try {
        out({ reply: cmd.id ?? null, ...(await handler(cmd)) });
    } catch (err) {
        out({ reply: cmd.id ?? null, error: { kind: 'other', message: err.message } });
    }
}

async function main() {
    await startServer();
    out({ ready: true, port });
    const rl = readline.createInterface({ input: process.stdin });
    rl.on('line', line => { if (line.trim()) runCommand(line); });
    // The test process went away: stop too, so no server outlives its test run.
    rl.on('close', () => stopServer(true).finally(() => process.exit(0)));
}

main().catch(err => {
    out({ fatal: err.message });
    process.exit(1);
});
