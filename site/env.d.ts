/// <reference types="astro/client" />
// Plain `tsc` has no Astro language service: give .astro imports (used by container-rendering tests) a type.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
