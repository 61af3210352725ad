/** `{{name}}` interpolation for the island (i18next stays on the server; this is all the island needs). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}
