// RFC 6238 TOTP codes computed independently of the server (node:crypto's HMAC-SHA-1), so the
// tests can log in as an enrolled account as an authenticator app would.
import { createHmac } from 'node:crypto';

// The bytes of an RFC 4648 Base32 text (no padding needed).
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not Base32: ${c}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

// The six-digit code of secret (bytes) for the 30-second step of unixSeconds.
export function totpCode(secret, unixSeconds = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

// The secret of an otpauth:// URI as bytes.
export function secretOfUri(uri) {
  return base32Decode(new URL(uri).searchParams.get('secret'));
}
