/**
 * The licences the publisher may choose for the open data (src/config.ts, `licence`), issue 12.
 * The French State's open-data policy recommends the Licence Ouverte (décret n° 2017-638 lists it
 * with the ODbL among the licences an administration may use); CC-BY 4.0 and CC0 are offered for
 * bodies whose policy asks for them. Keys are SPDX identifiers, as schema.data.gouv.fr writes them
 * in a schema's `licenses` (`name`), each with the address of its official text (`path`).
 */
export const LICENCES = {
  'etalab-2.0': {
    title: 'Licence Ouverte / Open Licence version 2.0',
    short: 'Licence Ouverte 2.0',
    path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  'ODbL-1.0': {
    title: 'Open Database License (ODbL) v1.0',
    short: 'ODbL 1.0',
    path: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  'CC-BY-4.0': {
    title: 'Creative Commons Attribution 4.0 International',
    short: 'CC-BY 4.0',
    path: 'https://creativecommons.org/licenses/by/4.0/legalcode.fr',
  },
  'CC0-1.0': {
    title: 'Creative Commons Zero v1.0 Universal',
    short: 'CC0 1.0',
    path: 'https://creativecommons.org/publicdomain/zero/1.0/legalcode.fr',
  },
} as const;

export type LicenceKey = keyof typeof LICENCES;
export const LICENCE_KEYS = Object.keys(LICENCES) as [LicenceKey, ...LicenceKey[]];
/** Without a choice in the settings: the Licence Ouverte, the default of the State's open data. */
export const DEFAULT_LICENCE: LicenceKey = 'etalab-2.0';

/** The licence as a Frictionless `licenses` entry (Table Schema and Data Package). */
export function licenceDescriptor(key: LicenceKey): { name: string; title: string; path: string } {
  const { title, path } = LICENCES[key];
  return { name: key, title, path };
}
