/** `{{name}}` interpolation for browser code (i18next stays on the server; this is all the islands and page scripts need). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}
