/**
 * Stamping a <consent-gate>'s template once its category is granted: a lazy part, so the initial download carries
 * none of it. Scripts cloned from a template are inert, so gated scripts are re-created (under Trusted Types through
 * a 'growth-kit' policy the host allows); embeds are fitted to the gate's column.
 */
type Policy = { createScript(s: string): unknown; createScriptURL(s: string): unknown } | null;
let policy: Policy | undefined;

/**
 * A live copy of a gated <script>. Under Trusted Types the host's own template (already in its page) passes
 * through a 'growth-kit' policy the host allows in its CSP; without Trusted Types, strings go as they are.
 */
function revive(old: HTMLScriptElement): HTMLScriptElement {
  if (policy === undefined) {
    const tt = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
    try {
      policy = tt?.createPolicy('growth-kit', { createScript: (s: string) => s, createScriptURL: (s: string) => s }) ?? null;
    } catch {
      policy = null;
    }
  }
  const script = document.createElement('script');
  for (const { name, value } of Array.from(old.attributes)) {
    script.setAttribute(name, (name === 'src' && policy ? policy.createScriptURL(value) : value) as string);
  }
  script.textContent = (policy ? policy.createScript(old.textContent ?? '') : old.textContent) as string;
  return script;
}

/**
 * Gated embeds fit the gate's column on any screen: a marketer's <iframe width="480" height="270"> (a YouTube
 * embed) must not make a phone's page wider than the screen. Width is capped at 100 %; where width and height
 * are given, the height follows the width at that ratio. Set through CSSOM, which a strict CSP allows.
 */
function fitEmbeds(content: DocumentFragment): void {
  for (const el of Array.from(content.querySelectorAll<HTMLElement>('iframe, video, img, embed, object'))) {
    el.style.maxWidth = '100%';
    const [w, h] = [Number(el.getAttribute('width')), Number(el.getAttribute('height'))];
    if (w > 0 && h > 0) {
      el.style.aspectRatio = `${w} / ${h}`;
      el.style.height = 'auto';
    }
  }
}

/** Stamps `template`'s content into `gate` (slot "gated"); returns the stamped nodes, for removal on withdrawal. */
export function stamp(gate: HTMLElement & { warn(attribute: string, problem: string): void }, template: HTMLTemplateElement): Node[] {
  const content = document.importNode(template.content, true);
  for (const old of Array.from(content.querySelectorAll('script'))) {
    try {
      old.replaceWith(revive(old));
    } catch {
      gate.warn('template', "a gated script was blocked by Trusted Types; allow the 'growth-kit' policy");
      old.remove();
    }
  }
  fitEmbeds(content);
  const nodes = Array.from(content.childNodes);
  for (const node of nodes) if (node instanceof Element) node.setAttribute('slot', 'gated');
  gate.append(content);
  return nodes;
}
