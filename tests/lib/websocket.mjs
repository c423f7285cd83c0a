// A small WebSocket client for the API tests (Node 20 has no WebSocket without a flag): it
// upgrades with the session cookie, reads the server's text and close frames, answers pings and
// the close handshake. Only what the interview signalling needs: text messages, one frame each
// or fragmented.
import { randomBytes } from 'node:crypto';
import http from 'node:http';

// A frame from the client: masked, as RFC 6455 requires.
function clientFrame(opcode, payload) {
  const mask = randomBytes(4);
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len])
    : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 126]), Buffer.from([len >> 8, len & 0xff])]);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
  return Buffer.concat([head, mask, body]);
}

export class TestSocket {
  constructor(socket, head) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.fragments = [];
    this.messages = [];   // parsed JSON not yet taken by next()
    this.waiters = [];
    this.closeFrame = null;  // { code, reason } once the server's close frame came
    this.ended = new Promise((resolve) => socket.on('close', resolve));
    socket.on('data', (d) => this.onData(d));
    socket.on('error', () => {});
    if (head?.length) this.onData(head);
  }

  onData(data) {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const fin = (this.buffer[0] & 0x80) !== 0;
      const opcode = this.buffer[0] & 0x0f;
      let len = this.buffer[1] & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (this.buffer.length < 4) return;
        len = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (this.buffer.length < 10) return;
        len = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + len) return;
      const payload = this.buffer.subarray(offset, offset + len);
      this.buffer = this.buffer.subarray(offset + len);
      this.onFrame(fin, opcode, Buffer.from(payload));
    }
  }

  onFrame(fin, opcode, payload) {
    if (opcode === 0x9) return this.socket.write(clientFrame(0xa, payload));  // ping → pong
    if (opcode === 0x8) {
      this.closeFrame = { code: payload.length >= 2 ? payload.readUInt16BE(0) : null, reason: payload.subarray(2).toString('utf8') };
      this.socket.write(clientFrame(0x8, payload.subarray(0, 2)));
      this.socket.end();
      return this.flush();
    }
    if (opcode === 0x1 || opcode === 0x0) {
      this.fragments.push(payload);
      if (!fin) return;
      this.messages.push(JSON.parse(Buffer.concat(this.fragments).toString('utf8')));
      this.fragments = [];
      this.flush();
    }
  }

  flush() {
    while (this.waiters.length && (this.messages.length || this.closeFrame)) {
      const w = this.waiters.shift();
      clearTimeout(w.timer);
      if (this.messages.length) w.resolve(this.messages.shift());
      else w.reject(new Error(`the server closed the socket (${this.closeFrame.code} ${this.closeFrame.reason}) before the message awaited`));
    }
  }

  // The next message as parsed JSON; rejects after timeoutMs or when the socket closes first.
  next(timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
      const w = { resolve, reject };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(w);
      this.flush();
    });
  }

  // The next message whose type is `type`, skipping others (e.g. "ready" before it).
  async nextOfType(type, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = await this.next(Math.max(1, deadline - Date.now()));
      if (m.type === type) return m;
    }
  }

  send(object) {
    this.socket.write(clientFrame(0x1, Buffer.from(JSON.stringify(object))));
  }

  // Closes from the client's side (when the test is done with it).
  close() {
    if (!this.socket.destroyed) this.socket.destroy();
  }
}

// Upgrades base + path with cookie: { status: 101, socket: TestSocket } when the server accepts,
// else { status, body } of its HTTP answer.
export function openSocket(base, path, cookie) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: {
      Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': randomBytes(16).toString('base64'), ...(cookie ? { Cookie: cookie } : {}) } });
    req.on('upgrade', (res, socket, head) => resolve({ status: res.statusCode, socket: new TestSocket(socket, head) }));
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body: body ? JSON.parse(body) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}
