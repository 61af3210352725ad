import { ingest } from './validate.ts';
export async function build(): Promise<number> {
  return ingest();
}
