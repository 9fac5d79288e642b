// GitHub's documented size limits, in one place (the reports and the action both keep within them).

/** Job summary per step: bytes (the runner drops a larger one entirely). */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** Check run `output.summary` and `output.text`: characters. */
export const CHECK_SUMMARY_MAX_CHARS = 65_535;
/** Issue/PR comment body: characters. */
export const COMMENT_MAX_CHARS = 65_536;
/** Check run annotations per create/update request. */
export const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/** Check run annotation `message` and `raw_details`: bytes. */
export const ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024;
/** Check run annotation `title`: characters. */
export const ANNOTATION_TITLE_MAX_CHARS = 255;
/** Workflow-command annotations GitHub shows per step and per level. */
export const ANNOTATIONS_PER_STEP = 10;
/** GitHub code scanning: SARIF results per run. */
export const SARIF_MAX_RESULTS = 25_000;
/** `pulls.listFiles` lists at most this many files. */
export const PULL_FILES_CAP = 3000;
