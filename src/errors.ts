/**
 * Every error class hokhau throws on purpose. The CLI's one top-level catch maps them to exit codes:
 * UsageError → 2, anything else → 1.
 *
 * @example
 * throw new UsageError('Không tìm thấy đường dẫn: /data/in (path not found)');
 */

/** Bad flags, missing paths, unknown pipeline: the user must change the command (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run could not finish or did not reconcile (exit 1). */
export class RunFailedError extends Error {
  override name = 'RunFailedError';
}

/** The registry could not be opened or migrated. */
export class RegistryError extends Error {
  override name = 'RegistryError';
}
