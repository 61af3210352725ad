// Khronos glTF-Validator over the bytes of a model. Its messages name a JSON pointer; we prefix the file so a
// curator can find the problem without a stack trace.
import { validateBytes } from 'gltf-validator';

export interface ValidationResult {
  errors: string[];
  warnings: number;
}

// Extensions the validator does not know yet are reported as INFO/WARN, not errors; nothing to ignore on purpose.
export async function validateGlb(bytes: Uint8Array, label: string): Promise<ValidationResult> {
  let report: Awaited<ReturnType<typeof validateBytes>>;
  try {
    report = await validateBytes(bytes, {
      maxIssues: 50,
      externalResourceFunction: () => Promise.reject(new Error('external resources are not allowed in a .glb')),
    });
  } catch (err) {
    return { errors: [`${label}: not a readable glTF (${String((err as Error)?.message ?? err)})`], warnings: 0 };
  }
  const errors = report.issues.messages
    .filter((m) => m.severity === 0)
    .map((m) => `${label}: ${m.code} at ${m.pointer ?? `byte ${m.offset ?? '?'}`}: ${m.message}`);
  return { errors, warnings: report.issues.numWarnings };
}
