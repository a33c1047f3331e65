// `~/.aws/credentials` and `~/.aws/config` as the AWS CLI reads and writes them
// (botocore/configloader.py, awscli/customizations/configure/writer.py): INI sections of
// `key = value` lines, `#` and `;` comments. In the config file a profile other than `default` is
// the section `[profile NAME]`; in the credentials file it is `[NAME]`. The CLI's reader also takes
// nested values (indented lines under `s3 =`), which no setting simulated here uses.
// Written by hand rather than with an INI package: the common ones split section names on dots
// (`[profile dev.admin]` would become nested objects) and rewrite the whole file when one value
// is set, while `aws configure set` changes one line and keeps the rest of the file as it was.

export type Sections = Record<string, Record<string, string>>;

const SECTION = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/;
const ASSIGNMENT = /^\s*([^=\s][^=]*?)\s*=\s*(.*?)\s*$/;
const COMMENT = /^\s*(?:[#;].*)?$/;

/** The sections of an INI file; later duplicates win, as Python's configparser merges them. */
export function parseSections(text: string): Sections {
  const sections: Sections = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const section = SECTION.exec(line);
    if (section) {
      const name = (section[1] ?? '').trim();
      current = sections[name] ??= {};
      continue;
    }
    if (COMMENT.test(line)) continue;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment && current && !/^\s/.test(line))
      current[assignment[1] ?? ''] = assignment[2] ?? '';
  }
  return sections;
}

/** The section a profile lives in: `default`, `profile NAME` in config, `NAME` in credentials. */
export function profileSection(profile: string, file: 'config' | 'credentials'): string {
  return file === 'config' && profile !== 'default' ? `profile ${profile}` : profile;
}

/**
 * The file with `key = value` set in `section`: the line replaced where the key is, added at the
 * end of the section where it is not, the section added at the end where there is none.
 */
export function setValue(text: string, section: string, key: string, value: string): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const setting = `${key} = ${value}`;
  let inSection = false;
  let lastOfSection = -1;
  for (const [index, line] of lines.entries()) {
    const header = SECTION.exec(line);
    if (header) {
      inSection = (header[1] ?? '').trim() === section;
      if (inSection) lastOfSection = index;
      continue;
    }
    if (!inSection) continue;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment?.[1] === key) {
      lines[index] = setting;
      return `${lines.join('\n')}\n`;
    }
    if (line.trim() !== '') lastOfSection = index;
  }
  if (lastOfSection >= 0) lines.splice(lastOfSection + 1, 0, setting);
  else lines.push(`[${section}]`, setting);
  return `${lines.join('\n')}\n`;
}
