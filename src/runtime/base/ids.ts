/** A random RFC 4122 v4 UUID from getRandomValues, which (unlike randomUUID) works outside secure contexts too. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  let id = '';
  for (let i = 0; i < 16; i++) id += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + (b[i] + 0x100).toString(16).slice(1);
  return id;
}
