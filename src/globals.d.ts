/** Replaced at build time with package.json's version. */
declare const __GK_VERSION__: string | undefined;
