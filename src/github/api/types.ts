export interface RepoRef {
  owner: string;
  name: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Only when start_line === end_line (the API rejects columns across lines). */
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
  /** Shown folded under the message; ≤ 64 KB (UTF-8), like `message`. */
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  /** ≤ 65,535 characters. */
  summary: string;
  /** ≤ 50 per request; each update appends to the run's annotations. */
  annotations?: CheckAnnotation[];
}

export type Conclusion = 'success' | 'failure' | 'neutral';
