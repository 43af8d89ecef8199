/** A client id for idempotent writes. randomUUID needs a secure context; plain-HTTP LAN access does not have one. */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID && globalThis.isSecureContext !== false) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
