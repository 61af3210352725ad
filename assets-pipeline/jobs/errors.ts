// The job layer's errors, in a file of their own so the in-process build can check for them without loading
// BullMQ or a Redis client.
import type { JobKind } from './kinds.ts';

/** Redis unreachable or lost, a bad URL, a store the coordinator cannot see: the build stops, nothing is published. */
export class JobQueueError extends Error {}

/** A job that ended failed: its message is the build summary's, as the in-process run would word it. */
export class JobFailedError extends Error {}

/** Bad input found by a job (not the image decoder's, which has its own class): fails once, not retried. */
export class JobInputError extends Error {}

/** A failed job as the build summary lists it: its kind, what it was (`record: file`), and why. */
export interface JobFailure {
  kind: JobKind;
  label: string;
  message: string;
}

/** The build summary's list of failed jobs, one `kind: record: file: message` line each. */
export function failureLines(failures: readonly JobFailure[]): string[] {
  return failures.map((f) => `${f.kind}: ${f.label}: ${f.message}`);
}
