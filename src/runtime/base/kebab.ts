/** A property's attribute: its name in kebab case, as HTML writes it (privacyPolicyUrl → privacy-policy-url). */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
