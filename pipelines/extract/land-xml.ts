// Lands a statutory-return XML file (CIN census, SSDA903): recognised by its content, then each entity stream
// (`file.xml#assessments`) lands through its contract like a workbook's sheet. Streams with no records are
// passed over (a return without, say, UASC children has nothing to land for them).
import type { CollectionYear } from '../../core/calendar/collection-year.js';
import type { Contract } from '../../sources/lib/contract.js';
import { returnContractForYear } from '../../sources/lib/return-fields.js';
import type { CsvRecord } from '../../sources/lib/csv-reader.js';
import { countStreams, detectReturnXml, streamRecords } from '../../sources/lib/return-xml.js';
import { returnXmlLayouts } from '../../sources/returns-xml.js';
import type { FileLoadResult } from './land-file.js';
import { cinCensusYear } from './return-year.js';

export interface XmlLanding {
  /** Land one stream through the given contract (the existing table path). */
  land(name: string, contract: Contract, records: AsyncIterator<CsvRecord>): Promise<FileLoadResult>;
  /** Record the whole file as failed with a plain-English reason. */
  fail(error: string): Promise<FileLoadResult>;
}

/** `years`: the collection year of returns whose files do not say it (the SSDA903's, by system); the CIN census's is its ReferenceDate. */
export async function landReturnXml(
  file: string,
  name: string,
  contracts: readonly Contract[],
  to: XmlLanding,
  years: Readonly<Record<string, CollectionYear>> = {},
): Promise<FileLoadResult[]> {
  let detected, counts;
  try {
    detected = await detectReturnXml(file, returnXmlLayouts);
    if (!detected.layout) {
      const { root, collection } = detected.header;
      return [
        await to.fail(
          `${name} is XML but not a return the pipeline reads (root <${root ?? '?'}>${collection ? `, Collection '${collection}'` : ''}). Expected a CIN census or SSDA903 return XML (Header/CollectionDetails/Collection CIN or SSDA903, or the DfE's 903 layout with root EXPSSDA903).`,
        ),
      ];
    }
    counts = await countStreams(file, detected.layout);
  } catch (e) {
    return [
      await to.fail(
        `${name} could not be read as XML (${(e as Error).message}). The file may be cut off or damaged: export it again and run again.`,
      ),
    ];
  }
  const { layout } = detected;
  const year =
    layout.system === 'cin_census' ? cinCensusYear(detected.header.referenceDate) : (years[layout.system] ?? null);
  const results: FileLoadResult[] = [];
  for (const stream of layout.streams) {
    if (!counts.get(stream.entity)) continue;
    const contract = contracts.find((c) => c.system === layout.system && c.entity === stream.entity);
    if (!contract)
      throw new Error(`internal: no contract ${layout.system}.${stream.entity} for the ${layout.title} XML`);
    const checked = year ? returnContractForYear(contract, year) : contract;
    results.push(await to.land(`${name}#${stream.entity}`, checked, streamRecords(file, layout, stream, checked)));
  }
  if (results.length === 0)
    return [
      await to.fail(
        `${name} is a ${layout.title} return but holds no records. Check the export finished, then run again.`,
      ),
    ];
  return results;
}
