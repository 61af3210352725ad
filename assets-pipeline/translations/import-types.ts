// What a translation file reader hands the import: units as the translator returned them, with the line
// each starts on, and problems found while reading.
export interface ImportedUnit {
  line: number;
  id: string;
  source: string;
  target: string;
  /** An inline element found in the segment (XLIFF `<g>`, `<x/>`…): the platform's texts are plain. */
  markup?: string;
  /** The target's language as the file declares it (BCP 47), when it does. */
  lang?: string;
  state: 'translated' | 'reviewed' | 'needs-review';
}

export interface ParsedFile {
  units: ImportedUnit[];
  errors: { line: number; message: string }[];
}
