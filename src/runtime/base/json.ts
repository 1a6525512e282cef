/**
 * JSON.stringify as the spec has it, even on a page where Prototype.js (1.6 and earlier) defined
 * Array.prototype.toJSON: native JSON.stringify honours it and writes every array as a string of JSON, which is
 * how a consent banner once stored empty consent. The host's toJSON is set aside for the call and put back.
 */
export function stringify(value: unknown): string {
  const proto = Array.prototype as { toJSON?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  if (!own?.configurable) return JSON.stringify(value);
  delete proto.toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    Object.defineProperty(proto, 'toJSON', own);
  }
}
