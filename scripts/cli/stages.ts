// The asset stages, in the order the build runs them. Each returns how many items failed; a failed item is
// reported and skipped, the rest of the stage continues.
export interface Stage {
  name: string;
  when: 'before-site' | 'after-site';
  run: () => Promise<number>;
}

export const stages: Stage[] = [];
