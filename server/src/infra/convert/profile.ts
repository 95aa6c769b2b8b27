import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * A LibreOffice user profile for one worker. Two soffice processes on one profile either hand
 * the job to each other over the profile's pipe or fail on its lock, so each worker has its own.
 * It is made fresh by each converter: settings left by an older run, or a profile damaged by
 * a killed process, never carry over.
 */

/**
 * Documents under conversion come from outside the agency. Macros must not run (a .doc or .odt
 * may carry Basic or VBA with auto-run events), and links to outside resources must not be
 * fetched while the server renders the file.
 */
const HARDENING = [
  ['DisableMacrosExecution', 'true'],
  ['MacroSecurityLevel', '3'],
  ['BlockUntrustedRefererLinks', 'true'],
]
  .map(
    ([name, value]) =>
      `<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`,
  )
  .join('\n');

const REGISTRY =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
  `${HARDENING}\n</oor:items>\n`;

/** Empties `dir` and seeds it with the hardened settings; returns the -env:UserInstallation argument. */
export async function freshProfile(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'user'), { recursive: true });
  await writeFile(join(dir, 'user', 'registrymodifications.xcu'), REGISTRY);
  return `-env:UserInstallation=${pathToFileURL(dir).href}`;
}
