// Loaded with `node --import` into the built binary by test/e2e/offline.test.ts: every way out to
// the network (TCP, TLS, UDP, HTTP/2, name resolution) records the attempt in the file named by
// IAM_TUTOR_NET_LOG and throws, so that the process cannot reach the network and the test can see
// that it never tried. A `loaded` line proves the guard ran in the process.
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http2 from 'node:http2';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.IAM_TUTOR_NET_LOG;
if (!log) throw new Error('no-network.mjs needs IAM_TUTOR_NET_LOG');
appendFileSync(log, `loaded ${process.pid}\n`);

/** Where a call was going: its host, port or path, as far as its arguments say. */
function target(args) {
  return args
    .flat()
    .map((a) =>
      a !== null && typeof a === 'object'
        ? [a.host, a.hostname, a.port, a.path].filter((v) => v !== undefined).join(':')
        : typeof a === 'function'
          ? ''
          : String(a),
    )
    .filter(Boolean)
    .join(' ');
}

function blocked(name) {
  return function networkBlocked(...args) {
    appendFileSync(log, `attempt ${name} ${target(args)}\n`);
    throw new Error(`network blocked by the test: ${name} ${target(args)}`);
  };
}

net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
net.Socket.prototype.connect = blocked('net.Socket.connect');
tls.connect = blocked('tls.connect');
dgram.createSocket = blocked('dgram.createSocket');
http2.connect = blocked('http2.connect');
for (const resolver of [dns, dns.promises]) {
  for (const name of Object.keys(resolver)) {
    if (name === 'lookup' || name === 'lookupService' || name.startsWith('resolve')) {
      if (typeof resolver[name] === 'function') resolver[name] = blocked(`dns.${name}`);
    }
  }
}
dns.Resolver.prototype.resolve = blocked('dns.Resolver.resolve');
// `import { connect } from 'node:net'` sees the replacements too.
syncBuiltinESMExports();
