/**
 * Folder names for internship folders. SharePoint refuses `" * : < > ? / \ |`, control characters, leading or
 * trailing spaces, names ending in a dot, reserved device names and `_vti_` ("Restrictions and limitations in
 * OneDrive and SharePoint"); `#` and `%` are allowed today but still break older clients and sync, so they go too.
 * The name is readable (the intern's name) and unique (the internship's key as suffix): two interns with the
 * same name never share a folder, and a renamed intern keeps a findable folder.
 */

// Control characters are matched on purpose: SharePoint refuses them in names.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /["*:<>?/\\|#%\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d|desktop\.ini)$/i;
/** The full path stays far below SharePoint's 400-character limit with room for file names. */
export const MAX_FOLDER_NAME = 80;

const tidy = (s: string): string =>
  s
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/_vti_/gi, ' ')
    .replace(/~\$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');

export function internshipFolderName(
  internName: string,
  internshipKey: string,
  max = MAX_FOLDER_NAME,
): string {
  const suffix = tidy(internshipKey).replace(/\s/g, '-') || 'internship';
  const room = Math.max(1, max - suffix.length - 3);
  let name = tidy(internName);
  if (RESERVED.test(name)) name = `${name}-`;
  // Cut on a code point boundary, then tidy again (a cut may leave a trailing space or dot).
  name = tidy(Array.from(name).slice(0, room).join(''));
  return name ? `${name} (${suffix})` : suffix;
}

/** File names: same rules, keeping the extension. */
export function safeFileName(name: string, max = 120): string {
  const cleaned = tidy(name) || 'document';
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot) : '';
  const base = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  const stem =
    tidy(
      Array.from(base)
        .slice(0, Math.max(1, max - ext.length))
        .join(''),
    ) || 'document';
  return RESERVED.test(stem) ? `${stem}-${ext}` : `${stem}${ext}`;
}
