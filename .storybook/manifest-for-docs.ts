/**
 * The manifest as a designer's docs page should show it: only what can be set from the outside. Storybook lists a
 * declaration's members as "properties" beside its attributes; here private, protected and static members go
 * (the manifest marks them), and a property that has an attribute is shown once, as its attribute.
 */
import type { ArgTypesEnhancer } from 'storybook/internal/types';

/** Events, parts, slots and CSS custom properties are documented, not set from a control. */
export const documentOnly: ArgTypesEnhancer = (context) => {
  const argTypes = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category && category !== 'attributes' && category !== 'properties') argTypes[name] = { ...argType, control: false };
  }
  return argTypes;
};
interface Member {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface Declaration {
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
  cssParts?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

export function forDocs<T extends Manifest>(manifest: T): T {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement) continue;
      declaration.members = (declaration.members ?? []).filter((m) => !m.privacy && !m.static && !m.attribute);
      // Written as a designer writes them in CSS, which also keeps a part from hiding an attribute of the same
      // name (Storybook keys its table by name: the tracker's "lessons" part hid its "lessons" attribute).
      for (const part of declaration.cssParts ?? []) part.name = `::part(${part.name})`;
    }
  }
  return copy;
}
