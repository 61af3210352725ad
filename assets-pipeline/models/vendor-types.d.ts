// gltf-validator and draco3d ship no type declarations; these cover only what the model stage calls.
declare module 'gltf-validator' {
  export interface ValidatorMessage {
    code: string;
    message: string;
    severity: number;
    pointer?: string;
    offset?: number;
  }
  export interface ValidatorReport {
    issues: { numErrors: number; numWarnings: number; messages: ValidatorMessage[] };
  }
  export function validateBytes(
    data: Uint8Array,
    options?: { maxIssues?: number; ignoredIssues?: string[]; externalResourceFunction?: (uri: string) => Promise<Uint8Array> },
  ): Promise<ValidatorReport>;
}
declare module 'draco3d' {
  const draco3d: { createEncoderModule(opts?: object): Promise<unknown>; createDecoderModule(opts?: object): Promise<unknown> };
  export default draco3d;
}
